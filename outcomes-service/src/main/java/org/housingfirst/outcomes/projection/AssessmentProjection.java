package org.housingfirst.outcomes.projection;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.support.AssessmentTimepoint;
import org.housingfirst.contracts.support.FidelityAssessed;
import org.housingfirst.contracts.support.QualityOfLifeAssessed;
import org.housingfirst.contracts.support.QualityOfLifeInstrument;
import org.housingfirst.outcomes.fidelity.ProgrammeFidelity;
import org.housingfirst.outcomes.qualityoflife.QualityOfLifeChanges;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Assessments as facts: quality of life per participant ({@code quality_of_life_assessment}) and fidelity per programme
 * ({@code fidelity_assessment}), scores only, as published.
 */
@Component
public class AssessmentProjection {

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    AssessmentProjection(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    /** Projects a batch's new assessments; the caller runs it in the consuming transaction. */
    void project(List<QualityOfLifeAssessed> qualityOfLife, List<FidelityAssessed> fidelity) {
        if (!qualityOfLife.isEmpty()) {
            jdbcTemplate.batchUpdate("""
                    INSERT INTO quality_of_life_assessment (event_id, participant_id, country, municipality_code,
                        assessed_on, instrument, instrument_version, value_set_id, timepoint, score_names,
                        score_values, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""", qualityOfLife, qualityOfLife.size(), (ps, e) -> {
                Map<String, Double> scores = new TreeMap<>(e.scores());
                ps.setObject(1, e.eventId());
                ps.setString(2, e.participantId());
                ps.setString(3, e.municipality().country());
                ps.setString(4, e.municipality().code());
                ps.setObject(5, e.occurredOn());
                ps.setString(6, e.instrument().name());
                ps.setString(7, e.instrumentVersion());
                ps.setString(8, e.valueSetId());
                ps.setString(9, e.timepoint().name());
                ps.setArray(
                        10,
                        ps.getConnection().createArrayOf("text", scores.keySet().toArray()));
                ps.setArray(
                        11,
                        ps.getConnection()
                                .createArrayOf("float8", scores.values().toArray()));
                ps.setObject(12, VersionedTable.timestamp(e.recordedAt()));
            });
        }
        if (!fidelity.isEmpty()) {
            jdbcTemplate.batchUpdate("""
                    INSERT INTO fidelity_assessment (event_id, programme_id, country, municipality_code, assessed_on,
                        scale, scale_version, assessor_type, total, percent_of_maximum, domain_names, domain_means,
                        recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""", fidelity, fidelity.size(), (ps, e) -> {
                Map<String, Double> domains = new TreeMap<>(e.domainMeans());
                ps.setObject(1, e.eventId());
                ps.setString(2, e.programmeId());
                ps.setString(3, e.municipality().country());
                ps.setString(4, e.municipality().code());
                ps.setObject(5, e.occurredOn());
                ps.setString(6, e.scale().name());
                ps.setString(7, e.scaleVersion());
                ps.setString(8, e.assessorType().name());
                ps.setInt(9, e.total());
                ps.setDouble(10, e.percentOfMaximum());
                ps.setArray(
                        11,
                        ps.getConnection()
                                .createArrayOf("text", domains.keySet().toArray()));
                ps.setArray(
                        12,
                        ps.getConnection()
                                .createArrayOf("float8", domains.values().toArray()));
                ps.setObject(13, VersionedTable.timestamp(e.recordedAt()));
            });
        }
    }

    /**
     * A municipality's assessments with one instrument at baseline and at a follow-up time point, dated by
     * {@code asOf}, as known at {@code knownAt}; a whole country's when the municipality's code is null.
     */
    public List<QualityOfLifeChanges.Assessment> qualityOfLife(
            Municipality m,
            QualityOfLifeInstrument instrument,
            AssessmentTimepoint followUp,
            LocalDate asOf,
            Instant knownAt) {
        Known known = new Known(knownAt);
        return known.query(jdbc, """
                        SELECT a.participant_id, a.instrument_version, a.value_set_id, a.timepoint, a.score_names,
                               a.score_values
                        FROM quality_of_life_assessment a
                        WHERE %s AND %s
                          AND a.instrument = :instrument AND a.timepoint IN ('BASELINE', :followUp)
                          AND a.assessed_on <= :asOf
                        ORDER BY a.recorded_at, a.event_id""".formatted(Known.scope("a", m), known.recorded("a")), m)
                .param("instrument", instrument.name())
                .param("followUp", followUp.name())
                .param("asOf", asOf)
                .query((row, n) -> new QualityOfLifeChanges.Assessment(
                        row.getString("participant_id"),
                        row.getString("instrument_version"),
                        row.getString("value_set_id"),
                        row.getString("timepoint").equals(AssessmentTimepoint.BASELINE.name()),
                        scores(row.getArray("score_names"), row.getArray("score_values"))))
                .list();
    }

    /** A municipality's fidelity assessments dated on or before {@code asOf}, as known at {@code knownAt}. */
    public List<ProgrammeFidelity.Assessment> fidelity(Municipality m, LocalDate asOf, Instant knownAt) {
        return fidelityByMunicipality(m, asOf, knownAt).values().stream()
                .flatMap(List::stream)
                .toList();
    }

    /**
     * As {@link #fidelity}, by municipality code, each municipality's oldest first; a whole country's when the
     * municipality's code is null.
     */
    public Map<String, List<ProgrammeFidelity.Assessment>> fidelityByMunicipality(
            Municipality m, LocalDate asOf, Instant knownAt) {
        Known known = new Known(knownAt);
        Map<String, List<ProgrammeFidelity.Assessment>> byMunicipality = new java.util.TreeMap<>();
        known.query(jdbc, """
                        SELECT a.municipality_code, a.programme_id, a.scale, a.scale_version, a.assessed_on,
                               a.assessor_type, a.total, a.percent_of_maximum, a.domain_names, a.domain_means
                        FROM fidelity_assessment a
                        WHERE %s AND %s
                          AND a.assessed_on <= :asOf
                        ORDER BY a.assessed_on, a.recorded_at, a.event_id""".formatted(Known.scope("a", m), known.recorded("a")), m)
                .param("asOf", asOf)
                .query(row -> {
                    byMunicipality
                            .computeIfAbsent(row.getString("municipality_code"), c -> new ArrayList<>())
                            .add(new ProgrammeFidelity.Assessment(
                                    row.getString("programme_id"),
                                    row.getString("scale"),
                                    row.getString("scale_version"),
                                    row.getObject("assessed_on", LocalDate.class),
                                    row.getString("assessor_type"),
                                    row.getInt("total"),
                                    row.getDouble("percent_of_maximum"),
                                    scores(row.getArray("domain_names"), row.getArray("domain_means"))));
                });
        return byMunicipality;
    }

    private static Map<String, Double> scores(Array names, Array values) throws SQLException {
        String[] n = (String[]) names.getArray();
        Double[] v = (Double[]) values.getArray();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < n.length; i++) {
            scores.put(n[i], v[i]);
        }
        return scores;
    }
}
