package org.housingfirst.identity;

/** How a request names a participant. */
public enum IdentityScheme {
    /** Swedish personnummer or samordningsnummer, 10 or 12 digits, with or without separator. */
    SE_PERSONNUMMER,
    /** Norwegian fødselsnummer or D-nummer, 11 digits. */
    NO_FODSELSNUMMER,
    /** An opaque reference from the reporting organisation's own case system; scoped to that organisation. */
    LOCAL_REFERENCE
}
