package org.housingfirst.tenancy.tenancy;

import java.time.LocalDate;
import java.util.UUID;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.tenancy.AbsenceType;
import org.housingfirst.contracts.tenancy.ContractType;
import org.housingfirst.contracts.tenancy.EndInitiatedBy;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.contracts.tenancy.HousingType;
import org.housingfirst.contracts.tenancy.LandlordType;
import org.housingfirst.contracts.tenancy.LeaseHolder;
import org.housingfirst.contracts.tenancy.RiskType;
import org.housingfirst.contracts.tenancy.SecurityOfTenure;
import org.housingfirst.domain.ParticipantId;

/**
 * The current state of one tenancy.
 *
 * @param sustainedMonths the latest milestone reached (6, 12 or 24), 0 before the first
 * @param openAbsence the temporary absence in progress, or null
 * @param ending how the tenancy ended, or null while it is active
 */
public record TenancyView(
        UUID tenancyId,
        String participantId,
        String country,
        String municipalityCode,
        String reportingOrganisation,
        UUID offerId,
        LocalDate moveInDate,
        ContractType contractType,
        SecurityOfTenure securityOfTenure,
        LeaseHolder leaseHolder,
        HousingType housingType,
        LandlordType landlordType,
        boolean rehousing,
        UUID previousTenancyId,
        Status status,
        OpenAbsence openAbsence,
        int riskCount,
        RiskType lastRiskType,
        int sustainedMonths,
        Ending ending) {

    ParticipantId participant() {
        return new ParticipantId(participantId);
    }

    public enum Status {
        ACTIVE,
        ENDED
    }

    public record OpenAbsence(UUID absenceId, AbsenceType absenceType, LocalDate since) {}

    public record Ending(
            LocalDate endDate,
            EndReason endReason,
            DestinationCategory destinationCategory,
            EndInitiatedBy initiatedBy) {}
}
