package org.housingfirst.support.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.support.EpisodeEndReason;
import org.housingfirst.contracts.support.ExitReason;
import org.housingfirst.contracts.support.ParticipantEnrolled;
import org.housingfirst.contracts.support.ParticipantExited;
import org.housingfirst.contracts.support.SupportAccepted;
import org.housingfirst.contracts.support.SupportContactRecorded;
import org.housingfirst.contracts.support.SupportDeclined;
import org.housingfirst.contracts.support.SupportEpisodeEnded;
import org.housingfirst.contracts.support.SupportEpisodeStarted;
import org.housingfirst.contracts.support.SupportIntensityChanged;
import org.housingfirst.contracts.support.SupportModel;
import org.housingfirst.contracts.support.SupportOffered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code enrolment_view} and {@code episode_view} in the command's transaction and answers the reads, always
 * scoped to the asking municipality.
 */
@Component
@ProcessingGroup(SupportViewProjection.GROUP)
class SupportViewProjection {

    static final String GROUP = "support-views";

    private final JdbcClient jdbc;

    SupportViewProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ParticipantEnrolled event) {
        jdbc.sql("""
                INSERT INTO enrolment_view (participant_id, country, municipality_code, programme_id, enrolled_on)
                VALUES (?, ?, ?, ?, ?)""")
                .params(
                        event.participantId(),
                        event.municipality().country(),
                        event.municipality().code(),
                        event.programmeId(),
                        event.occurredOn())
                .update();
    }

    @EventHandler
    void on(ParticipantExited event) {
        jdbc.sql("""
                UPDATE enrolment_view SET exited_on = ?, exit_reason = ?
                WHERE country = ? AND municipality_code = ? AND participant_id = ? AND programme_id = ?
                  AND exited_on IS NULL""")
                .params(
                        event.occurredOn(),
                        event.exitReason().name(),
                        event.municipality().country(),
                        event.municipality().code(),
                        event.participantId(),
                        event.programmeId())
                .update();
    }

    @EventHandler
    void on(SupportEpisodeStarted event) {
        jdbc.sql("""
                INSERT INTO episode_view (episode_id, participant_id, country, municipality_code, model,
                    planned_contacts_per_month, started_on)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        event.episodeId(),
                        event.participantId(),
                        event.municipality().country(),
                        event.municipality().code(),
                        event.model().name(),
                        event.plannedContactsPerMonth(),
                        event.occurredOn())
                .update();
    }

    @EventHandler
    void on(SupportOffered event) {
        count("offers = offers + 1", event.episodeId());
    }

    @EventHandler
    void on(SupportAccepted event) {
        count("accepted = accepted + 1", event.episodeId());
    }

    @EventHandler
    void on(SupportDeclined event) {
        count("declined = declined + 1", event.episodeId());
    }

    @EventHandler
    void on(SupportContactRecorded event) {
        count(event.missed() ? "missed_contacts = missed_contacts + 1" : "contacts = contacts + 1", event.episodeId());
    }

    @EventHandler
    void on(SupportIntensityChanged event) {
        jdbc.sql("UPDATE episode_view SET model = ?, planned_contacts_per_month = ? WHERE episode_id = ?")
                .params(event.toModel().name(), event.plannedContactsPerMonth(), event.episodeId())
                .update();
    }

    @EventHandler
    void on(SupportEpisodeEnded event) {
        jdbc.sql("UPDATE episode_view SET ended_on = ?, end_reason = ? WHERE episode_id = ?")
                .params(event.occurredOn(), event.reason().name(), event.episodeId())
                .update();
    }

    private void count(String assignment, UUID episodeId) {
        jdbc.sql("UPDATE episode_view SET " + assignment + " WHERE episode_id = ?")
                .param(episodeId)
                .update();
    }

    @QueryHandler
    Optional<EpisodeView> handle(FindEpisode query) {
        return jdbc.sql("SELECT * FROM episode_view WHERE episode_id = ? AND country = ? AND municipality_code = ?")
                .params(
                        query.episodeId().value(),
                        query.municipality().country(),
                        query.municipality().code())
                .query(SupportViewProjection::episode)
                .optional();
    }

    @QueryHandler
    SupportSummary handle(FindSupportSummary query) {
        Municipality m = query.municipality();
        List<EnrolmentView> enrolments = jdbc.sql("""
                SELECT * FROM enrolment_view WHERE country = ? AND municipality_code = ? AND participant_id = ?
                ORDER BY enrolled_on, programme_id""")
                .params(m.country(), m.code(), query.participantId().value())
                .query((rs, row) -> new EnrolmentView(
                        rs.getString("programme_id"),
                        rs.getObject("enrolled_on", LocalDate.class),
                        rs.getObject("exited_on", LocalDate.class),
                        rs.getString("exit_reason") == null ? null : ExitReason.valueOf(rs.getString("exit_reason"))))
                .list();
        List<EpisodeView> episodes = jdbc.sql("""
                SELECT * FROM episode_view WHERE country = ? AND municipality_code = ? AND participant_id = ?
                ORDER BY started_on, episode_id""")
                .params(m.country(), m.code(), query.participantId().value())
                .query(SupportViewProjection::episode)
                .list();
        return new SupportSummary(query.participantId().value(), enrolments, episodes);
    }

    private static EpisodeView episode(ResultSet rs, int row) throws SQLException {
        String endReason = rs.getString("end_reason");
        return new EpisodeView(
                rs.getObject("episode_id", UUID.class),
                rs.getString("participant_id"),
                SupportModel.valueOf(rs.getString("model")),
                rs.getInt("planned_contacts_per_month"),
                rs.getObject("started_on", LocalDate.class),
                rs.getObject("ended_on", LocalDate.class),
                endReason == null ? null : EpisodeEndReason.valueOf(endReason),
                rs.getInt("offers"),
                rs.getInt("accepted"),
                rs.getInt("declined"),
                rs.getInt("contacts"),
                rs.getInt("missed_contacts"));
    }
}
