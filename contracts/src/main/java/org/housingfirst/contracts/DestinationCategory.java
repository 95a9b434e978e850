package org.housingfirst.contracts;

/** Where a participant went when a tenancy ended or they left the programme (domain brief §2.1, §8.2). */
public enum DestinationCategory {
    PERMANENT,
    TEMPORARY,
    INSTITUTIONAL,
    HOMELESS,
    DECEASED,
    UNKNOWN
}
