package org.housingfirst.contracts.tenancy;

/** Why an offer was declined; declining is the participant's normal right of choice. No free text. */
public enum OfferDeclineReason {
    LOCATION,
    DWELLING,
    TIMING,
    OTHER,
    NOT_STATED
}
