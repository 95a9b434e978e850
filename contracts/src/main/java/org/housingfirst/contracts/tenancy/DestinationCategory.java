package org.housingfirst.contracts.tenancy;

/** Where the participant went when a tenancy ended (domain brief §2.1, §8.2). */
public enum DestinationCategory {
    PERMANENT,
    TEMPORARY,
    INSTITUTIONAL,
    HOMELESS,
    DECEASED,
    UNKNOWN
}
