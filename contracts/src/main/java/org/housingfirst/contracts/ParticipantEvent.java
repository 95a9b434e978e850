package org.housingfirst.contracts;

/** An event about one participant, keyed by their pseudonym so that one person's events stay in order. */
public interface ParticipantEvent extends ContractEvent {

    /** Keyed pseudonym of the participant (HMAC-SHA-256 of the normalised identity); never a clear identity. */
    String participantId();

    @Override
    default String partitionKey() {
        return participantId();
    }
}
