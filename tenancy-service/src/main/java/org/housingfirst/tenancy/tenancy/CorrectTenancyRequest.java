package org.housingfirst.tenancy.tenancy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.housingfirst.contracts.tenancy.ContractType;
import org.housingfirst.contracts.tenancy.HousingType;
import org.housingfirst.contracts.tenancy.LandlordType;
import org.housingfirst.contracts.tenancy.LeaseHolder;
import org.housingfirst.contracts.tenancy.SecurityOfTenure;

/**
 * Body of POST /api/v1/tenancies/{tenancyId}/corrections: the tenancy's start facts as they should have been recorded,
 * and {@code end}, required once the tenancy has ended and refused before.
 */
record CorrectTenancyRequest(
        @NotNull LocalDate moveInDate,
        @NotNull ContractType contractType,
        @NotNull SecurityOfTenure securityOfTenure,
        @NotNull LeaseHolder leaseHolder,
        @NotNull HousingType housingType,
        @NotNull LandlordType landlordType,
        @NotNull Boolean rehousing,
        @Valid EndTenancyRequest end) {}
