package org.housingfirst.contracts.support;

/** Who referred the participant to the programme. */
public enum ReferralSource {
    SOCIAL_SERVICES,
    OUTREACH,
    PRISON,
    HOSPITAL,
    PSYCHIATRIC_CARE,
    SELF,
    NGO,
    OTHER
}
