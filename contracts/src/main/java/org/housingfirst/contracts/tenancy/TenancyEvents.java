package org.housingfirst.contracts.tenancy;

import java.util.List;

/** The catalogue of tenancy-service's contract events and where they are published. */
public final class TenancyEvents {

    public static final String TOPIC = "tenancy.events.v1";

    public static final List<Class<? extends TenancyEvent>> TYPES = List.of(
            HousingOffered.class,
            HousingOfferDeclined.class,
            TenancyStarted.class,
            TenancyContractConverted.class,
            TenancyAtRisk.class,
            TemporaryAbsenceStarted.class,
            TemporaryAbsenceEnded.class,
            TenancyEnded.class,
            TenancySustained.class,
            TenancyCorrected.class);

    /** The milestones, in months after move-in, at which a tenancy is reported as sustained. */
    public static final List<Integer> MILESTONE_MONTHS = List.of(6, 12, 24);

    private TenancyEvents() {}
}
