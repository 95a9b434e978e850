package org.housingfirst.outcomes.qualityoflife;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.housingfirst.contracts.Municipality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Change from baseline to a follow-up time point for every score of an instrument, per instrument version and value
 * set: an assessment is only ever paired with one of the same version and value set.
 */
@Component
public class QualityOfLifeChanges {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The change of one score for one instrument version and value set. */
    public record ScoreChange(String instrumentVersion, String valueSetId, String score, ChangeFromBaseline change) {}

    private record Assessment(String participant, String version, String valueSet, String timepoint, JsonNode scores) {}

    private final JdbcClient jdbc;

    QualityOfLifeChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ScoreChange> changes(
            Municipality municipality, String instrument, String followUp, LocalDate asOf, Instant knownAt) {
        List<Assessment> assessments = jdbc.sql("""
                SELECT partition_key, data FROM event_log
                WHERE country = ? AND municipality_code = ? AND type = 'support.QualityOfLifeAssessed.v1'
                  AND recorded_at < ? AND occurred_on <= ? AND data ->> 'instrument' = ?
                  AND data ->> 'timepoint' IN ('BASELINE', ?)""")
                .params(
                        municipality.country(),
                        municipality.code(),
                        Timestamp.from(knownAt),
                        asOf,
                        instrument,
                        followUp)
                .query((rs, n) -> {
                    JsonNode data = JSON.readTree(rs.getString("data"));
                    return new Assessment(
                            rs.getString("partition_key"),
                            data.get("instrumentVersion").asString(),
                            data.get("valueSetId").isNull()
                                    ? null
                                    : data.get("valueSetId").asString(),
                            data.get("timepoint").asString(),
                            data.get("scores"));
                })
                .list();
        Map<List<String>, Map<String, Assessment>> baselines = new TreeMap<>(BY_VERSION_AND_VALUE_SET);
        Map<List<String>, Map<String, Assessment>> followUps = new HashMap<>();
        for (Assessment a : assessments) {
            List<String> key = List.of(a.version(), Objects.toString(a.valueSet(), ""));
            (a.timepoint().equals("BASELINE") ? baselines : followUps)
                    .computeIfAbsent(key, k -> new HashMap<>())
                    .put(a.participant(), a);
        }
        List<ScoreChange> result = new ArrayList<>();
        baselines.forEach((key, byParticipant) -> {
            Map<String, Assessment> later = followUps.getOrDefault(key, Map.of());
            TreeSet<String> scores = new TreeSet<>();
            byParticipant.values().forEach(a -> a.scores().propertyNames().forEach(scores::add));
            for (String score : scores) {
                List<Double> differences = new ArrayList<>();
                int missing = 0;
                for (Assessment baseline : byParticipant.values()) {
                    if (!baseline.scores().has(score)) {
                        continue;
                    }
                    Assessment next = later.get(baseline.participant());
                    if (next == null || !next.scores().has(score)) {
                        missing++;
                    } else {
                        differences.add(next.scores().get(score).asDouble()
                                - baseline.scores().get(score).asDouble());
                    }
                }
                result.add(new ScoreChange(
                        key.get(0),
                        key.get(1).isEmpty() ? null : key.get(1),
                        score,
                        ChangeFromBaseline.of(differences, missing)));
            }
        });
        return result;
    }

    private static final Comparator<List<String>> BY_VERSION_AND_VALUE_SET =
            Comparator.comparing((List<String> key) -> key.get(0)).thenComparing(key -> key.get(1));
}
