package org.housingfirst.contracts;

/** An event about one participant, keyed by their id so that one person's events stay in order. */
public interface ParticipantEvent extends ContractEvent {

    /**
     * The participant's id: a random surrogate that only the identity vault links to a person (ADR 0006); for
     * participants recorded before the vault, their keyed pseudonym. Never a clear identity.
     */
    String participantId();

    @Override
    default String partitionKey() {
        return participantId();
    }
}
