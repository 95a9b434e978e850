package org.housingfirst.contracts.tenancy;

import org.housingfirst.contracts.ParticipantEvent;

/** An event published by tenancy-service. */
public sealed interface TenancyEvent extends ParticipantEvent
        permits HousingOffered,
                HousingOfferDeclined,
                TenancyStarted,
                TenancyContractConverted,
                TenancyAtRisk,
                TemporaryAbsenceStarted,
                TemporaryAbsenceEnded,
                TenancyEnded,
                TenancySustained,
                TenancyCorrected {}
