package org.housingfirst.tenancy.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.tenancy.AbsenceType;
import org.housingfirst.contracts.tenancy.ContractType;
import org.housingfirst.contracts.tenancy.EndInitiatedBy;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.contracts.tenancy.HousingOfferDeclined;
import org.housingfirst.contracts.tenancy.HousingOffered;
import org.housingfirst.contracts.tenancy.HousingType;
import org.housingfirst.contracts.tenancy.LandlordType;
import org.housingfirst.contracts.tenancy.LeaseHolder;
import org.housingfirst.contracts.tenancy.RiskType;
import org.housingfirst.contracts.tenancy.SecurityOfTenure;
import org.housingfirst.contracts.tenancy.TemporaryAbsenceEnded;
import org.housingfirst.contracts.tenancy.TemporaryAbsenceStarted;
import org.housingfirst.contracts.tenancy.TenancyAtRisk;
import org.housingfirst.contracts.tenancy.TenancyContractConverted;
import org.housingfirst.contracts.tenancy.TenancyCorrected;
import org.housingfirst.contracts.tenancy.TenancyEnded;
import org.housingfirst.contracts.tenancy.TenancyStarted;
import org.housingfirst.contracts.tenancy.TenancySustained;
import org.housingfirst.domain.ParticipantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code tenancy_view} and {@code housing_offer_view} in the command's transaction (a subscribing processor), so
 * a read that follows a write sees it, and answers the reads scoped to the asking municipality.
 */
@Component
@ProcessingGroup(TenancyViewProjection.GROUP)
class TenancyViewProjection {

    static final String GROUP = "tenancy-views";

    private final JdbcClient jdbc;

    TenancyViewProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(HousingOffered event) {
        jdbc.sql("""
                INSERT INTO housing_offer_view (offer_id, housing_history_id, participant_id, country,
                    municipality_code, offered_on, housing_type, landlord_type, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
                .params(
                        event.offerId(),
                        HousingHistoryId.of(event.municipality(), new ParticipantId(event.participantId()))
                                .value(),
                        event.participantId(),
                        event.municipality().country(),
                        event.municipality().code(),
                        event.occurredOn(),
                        event.housingType().name(),
                        event.landlordType().name())
                .update();
    }

    @EventHandler
    void on(HousingOfferDeclined event) {
        jdbc.sql("UPDATE housing_offer_view SET status = 'DECLINED' WHERE offer_id = ?")
                .param(event.offerId())
                .update();
    }

    @EventHandler
    void on(TenancyStarted event) {
        jdbc.sql("""
                INSERT INTO tenancy_view (tenancy_id, housing_history_id, participant_id, country, municipality_code,
                    reporting_organisation, offer_id, move_in_date, contract_type, security_of_tenure, lease_holder,
                    housing_type, landlord_type, rehousing, previous_tenancy_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        event.tenancyId(),
                        HousingHistoryId.of(event.municipality(), new ParticipantId(event.participantId()))
                                .value(),
                        event.participantId(),
                        event.municipality().country(),
                        event.municipality().code(),
                        event.reportingOrganisation(),
                        event.offerId(),
                        event.occurredOn(),
                        event.contractType().name(),
                        event.securityOfTenure().name(),
                        event.leaseHolder().name(),
                        event.housingType().name(),
                        event.landlordType().name(),
                        event.rehousing(),
                        event.previousTenancyId())
                .update();
        if (event.offerId() != null) {
            jdbc.sql("UPDATE housing_offer_view SET status = 'TAKEN' WHERE offer_id = ?")
                    .param(event.offerId())
                    .update();
        }
    }

    @EventHandler
    void on(TenancyContractConverted event) {
        jdbc.sql("""
                UPDATE tenancy_view SET contract_type = ?, security_of_tenure = ?, lease_holder = ?
                WHERE tenancy_id = ?""")
                .params(
                        event.toContractType().name(),
                        event.securityOfTenure().name(),
                        event.leaseHolder().name(),
                        event.tenancyId())
                .update();
    }

    @EventHandler
    void on(TenancyAtRisk event) {
        jdbc.sql("UPDATE tenancy_view SET risk_count = risk_count + 1, last_risk_type = ? WHERE tenancy_id = ?")
                .params(event.riskType().name(), event.tenancyId())
                .update();
    }

    @EventHandler
    void on(TemporaryAbsenceStarted event) {
        jdbc.sql("""
                UPDATE tenancy_view SET open_absence_id = ?, open_absence_type = ?, open_absence_since = ?
                WHERE tenancy_id = ?""")
                .params(event.absenceId(), event.absenceType().name(), event.occurredOn(), event.tenancyId())
                .update();
    }

    @EventHandler
    void on(TemporaryAbsenceEnded event) {
        jdbc.sql("""
                UPDATE tenancy_view SET open_absence_id = NULL, open_absence_type = NULL, open_absence_since = NULL
                WHERE tenancy_id = ?""").param(event.tenancyId()).update();
    }

    @EventHandler
    void on(TenancyCorrected event) {
        jdbc.sql("""
                UPDATE tenancy_view SET move_in_date = ?, contract_type = ?, security_of_tenure = ?, lease_holder = ?,
                    housing_type = ?, landlord_type = ?, rehousing = ?, end_date = COALESCE(?, end_date),
                    end_reason = COALESCE(?, end_reason), destination_category = COALESCE(?, destination_category),
                    initiated_by = COALESCE(?, initiated_by)
                WHERE tenancy_id = ?""")
                .params(
                        event.occurredOn(),
                        event.contractType().name(),
                        event.securityOfTenure().name(),
                        event.leaseHolder().name(),
                        event.housingType().name(),
                        event.landlordType().name(),
                        event.rehousing(),
                        event.endDate(),
                        event.endReason() == null ? null : event.endReason().name(),
                        event.destinationCategory() == null
                                ? null
                                : event.destinationCategory().name(),
                        event.initiatedBy() == null ? null : event.initiatedBy().name(),
                        event.tenancyId())
                .update();
    }

    @EventHandler
    void on(TenancyEnded event) {
        jdbc.sql("""
                UPDATE tenancy_view SET end_date = ?, end_reason = ?, destination_category = ?, initiated_by = ?,
                    open_absence_id = NULL, open_absence_type = NULL, open_absence_since = NULL
                WHERE tenancy_id = ?""")
                .params(
                        event.occurredOn(),
                        event.endReason().name(),
                        event.destinationCategory().name(),
                        event.initiatedBy().name(),
                        event.tenancyId())
                .update();
    }

    @EventHandler
    void on(TenancySustained event) {
        jdbc.sql("UPDATE tenancy_view SET sustained_months = GREATEST(sustained_months, ?) WHERE tenancy_id = ?")
                .params(event.months(), event.tenancyId())
                .update();
    }

    @QueryHandler
    Optional<TenancyView> handle(FindTenancy query) {
        return jdbc.sql("SELECT * FROM tenancy_view WHERE tenancy_id = ? AND country = ? AND municipality_code = ?")
                .params(
                        query.tenancyId().value(),
                        query.municipality().country(),
                        query.municipality().code())
                .query(TenancyViewProjection::tenancy)
                .optional();
    }

    @QueryHandler
    List<TenancyView> handle(ListParticipantTenancies query) {
        return jdbc.sql("""
                SELECT * FROM tenancy_view WHERE participant_id = ? AND country = ? AND municipality_code = ?
                ORDER BY move_in_date, tenancy_id""")
                .params(
                        query.participantId().value(),
                        query.municipality().country(),
                        query.municipality().code())
                .query(TenancyViewProjection::tenancy)
                .list();
    }

    @QueryHandler
    Optional<HousingOfferView> handle(FindHousingOffer query) {
        return jdbc.sql("SELECT * FROM housing_offer_view WHERE offer_id = ? AND country = ? AND municipality_code = ?")
                .params(
                        query.offerId().value(),
                        query.municipality().country(),
                        query.municipality().code())
                .query((rs, row) -> new HousingOfferView(
                        rs.getObject("offer_id", UUID.class),
                        rs.getString("participant_id"),
                        rs.getObject("offered_on", LocalDate.class),
                        HousingType.valueOf(rs.getString("housing_type")),
                        LandlordType.valueOf(rs.getString("landlord_type")),
                        HousingOfferView.Status.valueOf(rs.getString("status"))))
                .optional();
    }

    private static TenancyView tenancy(ResultSet rs, int row) throws SQLException {
        UUID absenceId = rs.getObject("open_absence_id", UUID.class);
        LocalDate endDate = rs.getObject("end_date", LocalDate.class);
        String lastRisk = rs.getString("last_risk_type");
        return new TenancyView(
                rs.getObject("tenancy_id", UUID.class),
                rs.getString("participant_id"),
                rs.getString("country"),
                rs.getString("municipality_code"),
                rs.getString("reporting_organisation"),
                rs.getObject("offer_id", UUID.class),
                rs.getObject("move_in_date", LocalDate.class),
                ContractType.valueOf(rs.getString("contract_type")),
                SecurityOfTenure.valueOf(rs.getString("security_of_tenure")),
                LeaseHolder.valueOf(rs.getString("lease_holder")),
                HousingType.valueOf(rs.getString("housing_type")),
                LandlordType.valueOf(rs.getString("landlord_type")),
                rs.getBoolean("rehousing"),
                rs.getObject("previous_tenancy_id", UUID.class),
                endDate == null ? TenancyView.Status.ACTIVE : TenancyView.Status.ENDED,
                absenceId == null
                        ? null
                        : new TenancyView.OpenAbsence(
                                absenceId,
                                AbsenceType.valueOf(rs.getString("open_absence_type")),
                                rs.getObject("open_absence_since", LocalDate.class)),
                rs.getInt("risk_count"),
                lastRisk == null ? null : RiskType.valueOf(lastRisk),
                rs.getInt("sustained_months"),
                endDate == null
                        ? null
                        : new TenancyView.Ending(
                                endDate,
                                EndReason.valueOf(rs.getString("end_reason")),
                                DestinationCategory.valueOf(rs.getString("destination_category")),
                                EndInitiatedBy.valueOf(rs.getString("initiated_by"))));
    }
}
