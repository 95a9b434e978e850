package org.housingfirst.contracts.tenancy;

/** The kind of contract under which the participant lives; a first-hand lease is the Housing First norm. */
public enum ContractType {
    /** Own first-hand lease (förstahandskontrakt, eget leiekontrakt). */
    FIRST_HAND_LEASE,
    /** Second-hand or social contract from the municipality (andrahandskontrakt, socialt kontrakt). */
    SECOND_HAND_SOCIAL,
    /** Second-hand contract that the participant takes over after a trial period. */
    SECOND_HAND_WITH_TAKEOVER,
    /** Norwegian municipal rental dwelling (kommunal utleiebolig). */
    MUNICIPAL_RENTAL,
    /** Rental from a private landlord. */
    PRIVATE_RENTAL,
    /** Owned by the participant. */
    OWNED,
    OTHER
}
