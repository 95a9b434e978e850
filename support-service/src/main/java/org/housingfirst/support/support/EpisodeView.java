package org.housingfirst.support.support;

import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.support.EpisodeEndReason;
import org.housingfirst.contracts.support.SupportModel;
import org.housingfirst.domain.ParticipantId;

/** A support episode with its counts of offers, answers and contacts. */
public record EpisodeView(
        UUID episodeId,
        String participantId,
        SupportModel model,
        int plannedContactsPerMonth,
        LocalDate startedOn,
        LocalDate endedOn,
        EpisodeEndReason endReason,
        int offers,
        int accepted,
        int declined,
        int contacts,
        int missedContacts) {

    ParticipantId participant() {
        return new ParticipantId(participantId);
    }
}
