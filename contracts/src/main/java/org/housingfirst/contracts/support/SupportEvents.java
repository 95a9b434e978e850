package org.housingfirst.contracts.support;

import java.util.List;

/** The catalogue of support-service's contract events and where they are published. */
public final class SupportEvents {

    public static final String TOPIC = "support.events.v1";

    public static final List<Class<? extends SupportEvent>> TYPES = List.of(
            ParticipantEnrolled.class,
            ConsentRecorded.class,
            ConsentWithdrawn.class,
            ParticipantExited.class,
            SupportEpisodeStarted.class,
            SupportOffered.class,
            SupportAccepted.class,
            SupportDeclined.class,
            SupportContactRecorded.class,
            SupportIntensityChanged.class,
            SupportEpisodeEnded.class,
            QualityOfLifeAssessed.class,
            FidelityAssessed.class,
            ParticipantErased.class);

    private SupportEvents() {}
}
