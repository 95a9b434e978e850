package org.housingfirst.contracts.support;

/** Why an offer of support was declined; declining is a respected choice. No free text. */
public enum SupportDeclineReason {
    NOT_WANTED_NOW,
    PREFERS_OTHER_PROVIDER,
    ALREADY_RECEIVING,
    OTHER,
    NOT_STATED
}
