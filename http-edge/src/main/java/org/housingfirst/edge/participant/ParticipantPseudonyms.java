package org.housingfirst.edge.participant;

import java.time.Clock;
import java.time.LocalDate;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.identity.ParticipantIdentities;
import org.housingfirst.identity.Pseudonymiser;

/**
 * Validates a {@link ParticipantRef} and returns its keyed pseudonym. Throws {@link
 * org.housingfirst.identity.InvalidIdentityException} with a reason that never repeats the number.
 */
public class ParticipantPseudonyms {

    private final Pseudonymiser pseudonymiser;
    private final Clock clock;

    ParticipantPseudonyms(Pseudonymiser pseudonymiser, Clock clock) {
        this.pseudonymiser = pseudonymiser;
        this.clock = clock;
    }

    public ParticipantId pseudonymOf(ParticipantRef participant, String reportingOrganisation) {
        return new ParticipantId(pseudonymiser.pseudonymOf(ParticipantIdentities.normalise(
                participant.scheme(), participant.value(), reportingOrganisation, LocalDate.now(clock))));
    }
}
