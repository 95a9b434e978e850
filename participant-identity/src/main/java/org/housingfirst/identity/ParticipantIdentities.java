package org.housingfirst.identity;

import java.time.LocalDate;

/** Validates and normalises how a request names a participant. */
public final class ParticipantIdentities {

    static final int MAX_REFERENCE_LENGTH = 64;

    private ParticipantIdentities() {}

    /**
     * @param scheme how the participant is named
     * @param value the number or reference as the caller sent it
     * @param reportingOrganisation scopes {@link IdentityScheme#LOCAL_REFERENCE}s, which mean nothing outside it
     * @param today the day dates of birth are checked against
     * @throws InvalidIdentityException with a reason that never contains {@code value}
     */
    public static NormalisedIdentity normalise(
            IdentityScheme scheme, String value, String reportingOrganisation, LocalDate today) {
        if (value == null || value.isBlank()) {
            throw new InvalidIdentityException("must not be blank");
        }
        return switch (scheme) {
            case SE_PERSONNUMMER -> SwedishPersonnummer.normalise(value, today);
            case NO_FODSELSNUMMER -> NorwegianFodselsnummer.normalise(value, today);
            case LOCAL_REFERENCE -> localReference(value, reportingOrganisation);
        };
    }

    private static NormalisedIdentity localReference(String value, String reportingOrganisation) {
        if (value.length() > MAX_REFERENCE_LENGTH || !value.matches("[A-Za-z0-9._:-]+")) {
            throw new InvalidIdentityException(
                    "must be at most " + MAX_REFERENCE_LENGTH + " letters, digits or . _ : -");
        }
        if (value.replaceAll("\\D", "").length() >= 10) {
            throw new InvalidIdentityException("looks like an identity number: use its scheme instead");
        }
        return new NormalisedIdentity("REF:" + reportingOrganisation + ":" + value);
    }
}
