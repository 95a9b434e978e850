package org.housingfirst.imports;

import java.util.Optional;
import java.util.Set;

/**
 * The HMIS CSV FY2024 codes the import reads, and the platform's codes each becomes (docs/import-hmis.md). Sources:
 * HUD's HMIS CSV Format Specifications FY2024 and the HMIS Data Dictionary (project types 2.02.6, living situations
 * and destinations 3.917 and 3.12, record types of Services.csv); the domain brief §5.5 lists them.
 */
final class HmisCodes {

    private HmisCodes() {}

    /** PH – Permanent Supportive Housing, PH – Housing Only, PH – Housing with Services: permanent housing but RRH. */
    static final Set<Integer> PERMANENT_HOUSING_NOT_RRH = Set.of(3, 9, 10);

    /** Services.csv record types that are a contact with the person: PATH, RHY, HOPWA and SSVF services. */
    static final Set<Integer> CONTACT_RECORD_TYPES = Set.of(141, 142, 143, 144);

    /** Where a destination (3.12) belongs: 1xx homeless, 2xx institutional, 3xx temporary, 4xx permanent, 24 died. */
    static String destinationCategory(int destination) {
        if (destination == 24) {
            return "DECEASED";
        }
        return switch (destination / 100) {
            case 1 -> "HOMELESS";
            case 2 -> "INSTITUTIONAL";
            case 3 -> "TEMPORARY";
            case 4 -> "PERMANENT";
            default -> "UNKNOWN";
        };
    }

    /**
     * The tenancy's end reason for a destination. HMIS records where a person went, not why the tenancy ended: the
     * reason is only as precise as the destination says.
     */
    static String endReason(int destination) {
        return switch (destination) {
            case 24 -> "DECEASED";
            case 225 -> "LONG_TERM_CARE";
            case 207 -> "CUSTODIAL_SENTENCE";
            case 8, 9, 30, 37, 99 -> "UNKNOWN";
            default -> destination / 100 == 4 ? "MOVED_TO_OTHER_PERMANENT_HOUSING" : "OTHER";
        };
    }

    /** HMIS does not record who ended a tenancy: a move to permanent housing is the tenant's, any other exit the programme's. */
    static String initiatedBy(int destination) {
        return destination / 100 == 4 ? "TENANT" : "PROGRAMME";
    }

    /** The programme exit's reason for a destination. */
    static String exitReason(int destination) {
        if (destination == 24) {
            return "DECEASED";
        }
        if (destination == 30) {
            return "DISENGAGED";
        }
        return destination / 100 == 4 ? "NO_LONGER_NEEDS_SUPPORT" : "OTHER";
    }

    /** The support episode's end reason for a destination. */
    static String episodeEndReason(int destination) {
        if (destination == 24) {
            return "DECEASED";
        }
        if (destination == 30) {
            return "DISENGAGED";
        }
        return destination / 100 == 4 ? "NO_LONGER_NEEDED" : "OTHER";
    }

    /**
     * The homelessness situation at entry (3.917.1, prior living situation) in the country's categories: Socialstyrelsen's
     * four situations for Sweden, NIBR's for Norway. Permanent housing and unknown situations have none.
     */
    static Optional<String> homelessnessSituation(int livingSituation, String country) {
        boolean sweden = country.equals("SE");
        String situation = switch (livingSituation) {
            case 116 -> sweden ? "SE_1_ACUTE" : "NO_ROUGH_SLEEPING";
            case 101, 118 -> sweden ? "SE_1_ACUTE" : "NO_EMERGENCY_SHELTER";
            case 207 -> sweden ? "SE_2_INSTITUTION_OR_SUPPORTED_HOUSING" : "NO_PRISON_DISCHARGE";
            case 204, 205, 206, 215, 225 ->
                sweden ? "SE_2_INSTITUTION_OR_SUPPORTED_HOUSING" : "NO_INSTITUTION_DISCHARGE";
            case 302, 327, 329 -> sweden ? "SE_2_INSTITUTION_OR_SUPPORTED_HOUSING" : "NO_TEMPORARY_PROVISION";
            case 314 -> sweden ? "SE_4_SHORT_TERM_OWN_ARRANGEMENT" : "NO_TEMPORARY_PROVISION";
            case 312, 313, 332, 335, 336 -> sweden ? "SE_4_SHORT_TERM_OWN_ARRANGEMENT" : "NO_FRIENDS_OR_RELATIVES";
            default -> null;
        };
        return Optional.ofNullable(situation);
    }

    /** Referral source (R1): self-referral and outreach have counterparts; everything else is OTHER. */
    static String referralSource(Integer code) {
        if (code == null) {
            return "OTHER";
        }
        return switch (code) {
            case 1 -> "SELF";
            case 7 -> "OUTREACH";
            default -> "OTHER";
        };
    }

    /** Project housing type (2.02.D): 1 site-based single site, 2 site-based clustered, 3 tenant-based scattered site. */
    static Optional<String> housingType(Integer code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                switch (code) {
                    case 1 -> "SINGLE_SITE";
                    case 2 -> "CLUSTERED";
                    case 3 -> "SCATTERED_SITE";
                    default -> null;
                });
    }

    /** A contact's mode: RHY's home-based (26) and street-based (29) services, PATH's outreach; otherwise the office. */
    static String contactMode(int recordType, Integer typeProvided) {
        if (recordType == 142 && typeProvided != null && typeProvided == 26) {
            return "HOME_VISIT";
        }
        if (recordType == 141 || (recordType == 142 && typeProvided != null && typeProvided == 29)) {
            return "OUTREACH";
        }
        return "OFFICE";
    }
}
