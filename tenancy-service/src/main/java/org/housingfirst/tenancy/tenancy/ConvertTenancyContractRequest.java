package org.housingfirst.tenancy.tenancy;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.housingfirst.contracts.tenancy.ContractType;
import org.housingfirst.contracts.tenancy.LeaseHolder;
import org.housingfirst.contracts.tenancy.SecurityOfTenure;

/** Body of POST /api/v1/tenancies/{tenancyId}/contract-conversions. */
record ConvertTenancyContractRequest(
        @NotNull LocalDate convertedOn,
        @NotNull ContractType toContractType,
        @NotNull SecurityOfTenure securityOfTenure,
        @NotNull LeaseHolder leaseHolder) {}
