package org.housingfirst.contracts.support;

import org.housingfirst.contracts.ContractEvent;

/** An event published by support-service. All but {@link FidelityAssessed} are about one participant. */
public sealed interface SupportEvent extends ContractEvent
        permits ParticipantEnrolled,
                ConsentRecorded,
                ConsentWithdrawn,
                ParticipantExited,
                SupportEpisodeStarted,
                SupportOffered,
                SupportAccepted,
                SupportDeclined,
                SupportContactRecorded,
                SupportIntensityChanged,
                SupportEpisodeEnded,
                QualityOfLifeAssessed,
                FidelityAssessed,
                ParticipantErased {}
