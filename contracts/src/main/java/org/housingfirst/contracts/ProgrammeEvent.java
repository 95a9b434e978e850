package org.housingfirst.contracts;

/** An event about a Housing First programme as a whole, keyed by the programme so its events stay in order. */
public interface ProgrammeEvent extends ContractEvent {

    /** The programme's id, chosen by the reporting organisation: lower-case letters, digits and hyphens. */
    String programmeId();

    @Override
    default String partitionKey() {
        return programmeId();
    }
}
