package org.housingfirst.tenancy.tenancy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.housingfirst.contracts.tenancy.HousingType;
import org.housingfirst.contracts.tenancy.LandlordType;
import org.housingfirst.edge.participant.ParticipantRef;

/** Body of POST /api/v1/housing-offers. */
record OfferHousingRequest(
        @NotNull @Valid ParticipantRef participant,
        @NotNull LocalDate offeredOn,
        @NotNull HousingType housingType,
        @NotNull LandlordType landlordType) {}
