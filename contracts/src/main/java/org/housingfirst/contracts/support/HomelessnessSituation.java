package org.housingfirst.contracts.support;

/** The participant's homelessness situation at entry: Socialstyrelsen's four situations (SE) or the NIBR count's categories (NO). */
public enum HomelessnessSituation {
    SE_1_ACUTE,
    SE_2_INSTITUTION_OR_SUPPORTED_HOUSING,
    SE_3_LONG_TERM_HOUSING_SOLUTION,
    SE_4_SHORT_TERM_OWN_ARRANGEMENT,
    NO_ROUGH_SLEEPING,
    NO_EMERGENCY_SHELTER,
    NO_TEMPORARY_PROVISION,
    NO_FRIENDS_OR_RELATIVES,
    NO_INSTITUTION_DISCHARGE,
    NO_PRISON_DISCHARGE,
    NO_CRISIS_CENTRE
}
