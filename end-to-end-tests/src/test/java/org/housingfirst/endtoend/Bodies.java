package org.housingfirst.endtoend;

import java.time.LocalDate;
import java.util.Map;
import org.housingfirst.testbackends.Api;

/** The request bodies the end-to-end tests post most: an enrolment in a programme, and a tenancy. */
final class Bodies {

    private Bodies() {}

    /** An identity as a request names it. */
    static Map<String, String> personnummer(String value) {
        return Map.of("scheme", "SE_PERSONNUMMER", "value", value);
    }

    static String enrolment(Map<String, String> participant, String programmeId, LocalDate enrolledOn, int birthYear) {
        return Api.json(Map.of(
                "participant",
                participant,
                "programmeId",
                programmeId,
                "enrolledOn",
                enrolledOn.toString(),
                "referralSource",
                "OUTREACH",
                "homelessnessSituation",
                "SE_1_ACUTE",
                "homelessnessDuration",
                "YEARS_2_TO_5",
                "birthYear",
                birthYear));
    }

    static String tenancy(Map<String, String> participant, LocalDate moveIn) {
        return Api.json(Map.of(
                "participant", participant,
                "moveInDate", moveIn.toString(),
                "contractType", "FIRST_HAND_LEASE",
                "securityOfTenure", "FULL",
                "leaseHolder", "PARTICIPANT",
                "housingType", "SCATTERED_SITE",
                "landlordType", "PUBLIC_HOUSING",
                "rehousing", false));
    }
}
