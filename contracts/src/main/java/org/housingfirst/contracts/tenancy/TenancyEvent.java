package org.housingfirst.contracts.tenancy;

import org.housingfirst.contracts.ContractEvent;

/** An event published by tenancy-service. */
public sealed interface TenancyEvent extends ContractEvent
        permits HousingOffered,
                HousingOfferDeclined,
                TenancyStarted,
                TenancyContractConverted,
                TenancyAtRisk,
                TemporaryAbsenceStarted,
                TemporaryAbsenceEnded,
                TenancyEnded,
                TenancySustained {}
