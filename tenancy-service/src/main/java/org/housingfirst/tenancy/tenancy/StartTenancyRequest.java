package org.housingfirst.tenancy.tenancy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.tenancy.ContractType;
import org.housingfirst.contracts.tenancy.HousingType;
import org.housingfirst.contracts.tenancy.LandlordType;
import org.housingfirst.contracts.tenancy.LeaseHolder;
import org.housingfirst.contracts.tenancy.SecurityOfTenure;
import org.housingfirst.edge.participant.ParticipantRef;

/** Body of POST /api/v1/tenancies. {@code offerId} and {@code previousTenancyId} are optional. */
record StartTenancyRequest(
        @NotNull @Valid ParticipantRef participant,
        UUID offerId,
        @NotNull LocalDate moveInDate,
        @NotNull ContractType contractType,
        @NotNull SecurityOfTenure securityOfTenure,
        @NotNull LeaseHolder leaseHolder,
        @NotNull HousingType housingType,
        @NotNull LandlordType landlordType,
        @NotNull Boolean rehousing,
        UUID previousTenancyId) {}
