package org.housingfirst.outcomes;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.tenancy.ContractType;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.outcomes.contracts.FirstHandLeases;
import org.housingfirst.outcomes.engagement.MonthlyEngagement;
import org.housingfirst.outcomes.pathways.ReturnsToHomelessness;
import org.housingfirst.outcomes.pathways.TimeToHousing;
import org.housingfirst.outcomes.qualityoflife.QualityOfLifeChanges;
import org.housingfirst.outcomes.retention.TenancySpell;
import org.housingfirst.outcomes.statistics.Participation;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference the projections are checked against: every figure's input recomputed from scratch from the event log
 * (the CloudEvents' JSON, re-read on every call), as outcomes-service computed it before it had projections. Ties the
 * old loaders left to the database's row order are broken by event id, and a participant's spells are in move-in
 * order, so that both sides are deterministic.
 */
final class EventLogReference {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant EVERYTHING = Instant.parse("9999-12-31T00:00:00Z");

    private final JdbcClient jdbc;

    EventLogReference(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Timestamp known(Instant knownAt) {
        return Timestamp.from(knownAt == null ? EVERYTHING : knownAt);
    }

    /** Each participant's spells in a municipality, as of a date and as known at an instant. */
    Map<String, List<TenancySpell>> spellsByParticipant(Municipality m, LocalDate asOf, Instant knownAt) {
        Map<String, Map<String, LocalDate>> moveIns = new TreeMap<>();
        Map<String, Map<String, TenancySpell>> endings = new HashMap<>();
        jdbc.sql("""
                        SELECT partition_key, data ->> 'tenancyId' AS tenancy, type, occurred_on,
                               data ->> 'endReason' AS end_reason, data ->> 'destinationCategory' AS destination
                        FROM event_log
                        WHERE country = ? AND municipality_code = ? AND recorded_at < ? AND occurred_on <= ?
                          AND type IN ('tenancy.TenancyStarted.v1', 'tenancy.TenancyEnded.v1')
                        ORDER BY recorded_at, event_id""").params(m.country(), m.code(), known(knownAt), asOf).query(rs -> {
            String participant = rs.getString("partition_key");
            LocalDate on = rs.getObject("occurred_on", LocalDate.class);
            if (rs.getString("type").endsWith("TenancyStarted.v1")) {
                moveIns.computeIfAbsent(participant, p -> new LinkedHashMap<>()).put(rs.getString("tenancy"), on);
            } else {
                endings.computeIfAbsent(participant, p -> new HashMap<>())
                        .put(
                                rs.getString("tenancy"),
                                TenancySpell.ended(
                                        on,
                                        on,
                                        EndReason.valueOf(rs.getString("end_reason")),
                                        DestinationCategory.valueOf(rs.getString("destination"))));
            }
        });
        Map<String, List<TenancySpell>> spells = new TreeMap<>();
        moveIns.forEach((participant, tenancies) -> {
            List<Map.Entry<String, LocalDate>> ordered = new ArrayList<>(tenancies.entrySet());
            ordered.sort(Map.Entry.<String, LocalDate>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
            List<TenancySpell> list = new ArrayList<>();
            for (Map.Entry<String, LocalDate> t : ordered) {
                TenancySpell end = endings.getOrDefault(participant, Map.of()).get(t.getKey());
                list.add(
                        end == null
                                ? TenancySpell.active(t.getValue())
                                : TenancySpell.ended(t.getValue(), end.end(), end.endReason(), end.destination()));
            }
            spells.put(participant, list);
        });
        return spells;
    }

    /**
     * Participations with their spells and the attributes of their latest enrolment on or before {@code asOf}: a country's (municipality null) or one
     * municipality's. {@code national}: the people of national tables instead, leaving out everyone whose latest
     * decision on consent for national statistics, anywhere in the country, is a withdrawal, and counting a person
     * housed in several municipalities once, with all their spells, in the municipality of their first move-in.
     */
    List<Participation> participations(
            String country, String municipality, LocalDate asOf, Instant knownAt, boolean national) {
        Map<String, String[]> enrolments = new HashMap<>();
        Set<String> withdrawn = new HashSet<>();
        Set<String> municipalities = new HashSet<>();
        jdbc.sql("""
                        SELECT municipality_code || '/' || partition_key AS unit, municipality_code, type,
                               data ->> 'sex' AS sex, data ->> 'birthYear' AS birth_year, data ->> 'purpose' AS purpose,
                               data ->> 'programmeId' AS programme
                        FROM event_log
                        WHERE country = ? AND (CAST(? AS text) IS NULL OR municipality_code = ?) AND recorded_at < ?
                          AND (type IN ('support.ConsentWithdrawn.v1', 'support.ConsentRecorded.v1')
                               OR type = 'support.ParticipantEnrolled.v1' AND occurred_on <= ?)
                        ORDER BY occurred_on, recorded_at, event_id""")
                .params(country, municipality, municipality, known(knownAt), asOf)
                .query(rs -> {
                    String unit = rs.getString("unit");
                    String type = rs.getString("type");
                    if (type.equals("support.ParticipantEnrolled.v1")) {
                        enrolments.put(unit, new String[] {
                            rs.getString("sex"), rs.getString("birth_year"), rs.getString("programme")
                        });
                    } else if ("NATIONAL_STATISTICS".equals(rs.getString("purpose"))) {
                        String person = unit.substring(unit.indexOf('/') + 1);
                        if (type.endsWith("ConsentWithdrawn.v1")) {
                            withdrawn.add(person);
                        } else {
                            withdrawn.remove(person);
                        }
                    }
                });
        jdbc.sql("SELECT DISTINCT municipality_code FROM event_log WHERE country = ?")
                .param(country)
                .query(rs -> {
                    municipalities.add(rs.getString(1));
                });
        Map<String, List<Participation>> people = new LinkedHashMap<>();
        for (String code : new java.util.TreeSet<>(municipalities)) {
            if (municipality != null && !municipality.equals(code)) {
                continue;
            }
            spellsByParticipant(new Municipality(country, code, "any"), asOf, knownAt)
                    .forEach((participant, spells) -> {
                        String unit = code + "/" + participant;
                        if (spells.isEmpty() || (national && withdrawn.contains(participant))) {
                            return;
                        }
                        String[] enrolment = enrolments.get(unit);
                        people.computeIfAbsent(participant, p -> new ArrayList<>())
                                .add(new Participation(
                                        participant,
                                        code,
                                        enrolment == null ? null : enrolment[0],
                                        enrolment == null || enrolment[1] == null
                                                ? null
                                                : Integer.valueOf(enrolment[1]),
                                        enrolment == null ? null : enrolment[2],
                                        spells));
                    });
        }
        List<Participation> participations = new ArrayList<>();
        for (List<Participation> theirs : people.values()) {
            if (!national) {
                participations.addAll(theirs);
                continue;
            }
            // municipalities in code order: on equal first move-ins the first one found has the lowest code
            Participation first = theirs.getFirst();
            for (Participation p : theirs) {
                if (p.firstMoveIn().isBefore(first.firstMoveIn())) {
                    first = p;
                }
            }
            List<TenancySpell> all = new ArrayList<>();
            theirs.forEach(p -> all.addAll(p.spells()));
            all.sort(Comparator.comparing(TenancySpell::moveIn));
            participations.add(new Participation(
                    first.person(), first.municipality(), first.sex(), first.birthYear(), first.programme(), all));
        }
        return participations;
    }

    private record Row(String participant, String type, LocalDate on, String destination) {}

    private List<Row> rows(Municipality m, LocalDate asOf, Instant knownAt, String... types) {
        return jdbc.sql("""
                        SELECT partition_key, type, occurred_on, data ->> 'destinationCategory' AS destination
                        FROM event_log
                        WHERE country = ? AND municipality_code = ? AND recorded_at < ? AND occurred_on <= ?
                          AND type = ANY(?)
                        ORDER BY occurred_on, event_id""")
                .params(m.country(), m.code(), known(knownAt), asOf, types)
                .query((rs, n) -> new Row(
                        rs.getString("partition_key"),
                        rs.getString("type"),
                        rs.getObject("occurred_on", LocalDate.class),
                        rs.getString("destination")))
                .list();
    }

    List<ReturnsToHomelessness.Path> paths(Municipality m, LocalDate asOf, Instant knownAt) {
        Map<String, List<ReturnsToHomelessness.Exit>> exits = new LinkedHashMap<>();
        Map<String, List<LocalDate>> enrolments = new LinkedHashMap<>();
        for (Row row : rows(m, asOf, knownAt, "support.ParticipantExited.v1", "support.ParticipantEnrolled.v1")) {
            if (row.type().endsWith("Exited.v1")) {
                exits.computeIfAbsent(row.participant(), p -> new ArrayList<>())
                        .add(new ReturnsToHomelessness.Exit(row.on(), DestinationCategory.valueOf(row.destination())));
            } else {
                enrolments
                        .computeIfAbsent(row.participant(), p -> new ArrayList<>())
                        .add(row.on());
            }
        }
        List<ReturnsToHomelessness.Path> paths = new ArrayList<>();
        exits.forEach((participant, list) ->
                paths.add(new ReturnsToHomelessness.Path(list, enrolments.getOrDefault(participant, List.of()))));
        return paths;
    }

    List<TimeToHousing.Enrolment> enrolments(
            Municipality m, LocalDate from, LocalDate to, LocalDate asOf, Instant knownAt) {
        Map<String, List<LocalDate>> enrolled = new LinkedHashMap<>();
        Map<String, List<LocalDate>> moveIns = new LinkedHashMap<>();
        Map<String, List<LocalDate>> exits = new LinkedHashMap<>();
        for (Row row : rows(
                m,
                asOf,
                knownAt,
                "support.ParticipantEnrolled.v1",
                "tenancy.TenancyStarted.v1",
                "support.ParticipantExited.v1")) {
            (row.type().endsWith("Enrolled.v1") ? enrolled : row.type().endsWith("Exited.v1") ? exits : moveIns)
                    .computeIfAbsent(row.participant(), p -> new ArrayList<>())
                    .add(row.on());
        }
        List<TimeToHousing.Enrolment> result = new ArrayList<>();
        enrolled.forEach((participant, dates) -> {
            for (LocalDate on : dates) {
                if (on.isBefore(from) || on.isAfter(to)) {
                    continue;
                }
                result.add(TimeToHousing.Enrolment.of(
                        on, exits.getOrDefault(participant, List.of()), moveIns.getOrDefault(participant, List.of())));
            }
        });
        return result;
    }

    MonthlyEngagement engagement(Municipality m, YearMonth month, LocalDate asOf, Instant knownAt) {
        record EngagementRow(
                String type, String participant, LocalDate on, String episode, String offer, boolean missed) {}
        List<EngagementRow> rows = jdbc.sql("""
                        SELECT type, partition_key, occurred_on, data ->> 'episodeId' AS episode,
                               data ->> 'offerId' AS offer, COALESCE((data ->> 'missed')::boolean, false) AS missed
                        FROM event_log
                        WHERE country = ? AND municipality_code = ? AND recorded_at < ? AND occurred_on <= ?
                          AND type IN ('support.SupportEpisodeStarted.v1', 'support.SupportEpisodeEnded.v1',
                                       'support.SupportContactRecorded.v1', 'support.SupportOffered.v1',
                                       'support.SupportDeclined.v1')
                        ORDER BY recorded_at, event_id""")
                .params(m.country(), m.code(), known(knownAt), asOf)
                .query((rs, n) -> new EngagementRow(
                        rs.getString("type"),
                        rs.getString("partition_key"),
                        rs.getObject("occurred_on", LocalDate.class),
                        rs.getString("episode"),
                        rs.getString("offer"),
                        rs.getBoolean("missed")))
                .list();
        Map<String, EngagementRow> starts = new HashMap<>();
        Map<String, LocalDate> ends = new HashMap<>();
        Set<String> declined = new HashSet<>();
        List<MonthlyEngagement.Contact> contacts = new ArrayList<>();
        List<EngagementRow> offers = new ArrayList<>();
        for (EngagementRow row : rows) {
            switch (row.type()) {
                case "support.SupportEpisodeStarted.v1" -> starts.put(row.episode(), row);
                case "support.SupportEpisodeEnded.v1" -> ends.put(row.episode(), row.on());
                case "support.SupportContactRecorded.v1" ->
                    contacts.add(new MonthlyEngagement.Contact(row.participant(), row.on(), row.missed()));
                case "support.SupportOffered.v1" -> offers.add(row);
                default -> declined.add(row.offer());
            }
        }
        List<MonthlyEngagement.Episode> episodes = starts.values().stream()
                .map(s -> new MonthlyEngagement.Episode(s.participant(), s.on(), ends.get(s.episode())))
                .toList();
        return MonthlyEngagement.compute(
                month,
                episodes,
                contacts,
                offers.stream()
                        .map(o -> new MonthlyEngagement.Offer(o.participant(), o.on(), declined.contains(o.offer())))
                        .toList());
    }

    FirstHandLeases firstHandLeases(Municipality m, LocalDate asOf, LocalDate from, LocalDate to, Instant knownAt) {
        record LeaseRow(String type, String tenancy, LocalDate on, String contract, String fromType, String toType) {}
        List<LeaseRow> rows = jdbc.sql("""
                        SELECT type, data ->> 'tenancyId' AS tenancy, occurred_on, data ->> 'contractType' AS contract,
                               data ->> 'fromContractType' AS from_contract, data ->> 'toContractType' AS to_contract
                        FROM event_log
                        WHERE country = ? AND municipality_code = ? AND recorded_at < ? AND occurred_on <= ?
                          AND type IN ('tenancy.TenancyStarted.v1', 'tenancy.TenancyEnded.v1',
                                       'tenancy.TenancyContractConverted.v1')
                        ORDER BY recorded_at, event_id""")
                .params(m.country(), m.code(), known(knownAt), to.isAfter(asOf) ? to : asOf)
                .query((rs, n) -> new LeaseRow(
                        rs.getString("type"),
                        rs.getString("tenancy"),
                        rs.getObject("occurred_on", LocalDate.class),
                        rs.getString("contract"),
                        rs.getString("from_contract"),
                        rs.getString("to_contract")))
                .list();
        Map<String, LeaseRow> starts = new LinkedHashMap<>();
        Map<String, LocalDate> ends = new HashMap<>();
        Map<String, List<FirstHandLeases.Conversion>> conversions = new HashMap<>();
        for (LeaseRow row : rows) {
            switch (row.type()) {
                case "tenancy.TenancyStarted.v1" -> starts.put(row.tenancy(), row);
                case "tenancy.TenancyEnded.v1" -> ends.put(row.tenancy(), row.on());
                default ->
                    conversions
                            .computeIfAbsent(row.tenancy(), t -> new ArrayList<>())
                            .add(new FirstHandLeases.Conversion(
                                    row.on(),
                                    ContractType.valueOf(row.fromType()),
                                    ContractType.valueOf(row.toType())));
            }
        }
        List<FirstHandLeases.Tenancy> tenancies = starts.values().stream()
                .map(s -> new FirstHandLeases.Tenancy(
                        s.on(),
                        ends.get(s.tenancy()),
                        ContractType.valueOf(s.contract()),
                        conversions.getOrDefault(s.tenancy(), List.of())))
                .toList();
        return FirstHandLeases.compute(tenancies, asOf, from, to);
    }

    List<QualityOfLifeChanges.Assessment> qualityOfLife(
            Municipality m, String instrument, String followUp, LocalDate asOf, Instant knownAt) {
        return jdbc.sql("""
                        SELECT partition_key, data FROM event_log
                        WHERE country = ? AND municipality_code = ? AND type = 'support.QualityOfLifeAssessed.v1'
                          AND recorded_at < ? AND occurred_on <= ? AND data ->> 'instrument' = ?
                          AND data ->> 'timepoint' IN ('BASELINE', ?)
                        ORDER BY recorded_at, event_id""")
                .params(m.country(), m.code(), known(knownAt), asOf, instrument, followUp)
                .query((rs, n) -> {
                    JsonNode data = JSON.readTree(rs.getString("data"));
                    Map<String, Double> scores = new TreeMap<>();
                    data.get("scores")
                            .properties()
                            .forEach(e -> scores.put(e.getKey(), e.getValue().asDouble()));
                    return new QualityOfLifeChanges.Assessment(
                            rs.getString("partition_key"),
                            data.get("instrumentVersion").asString(),
                            data.get("valueSetId").isNull()
                                    ? null
                                    : data.get("valueSetId").asString(),
                            data.get("timepoint").asString().equals("BASELINE"),
                            scores);
                })
                .list();
    }
}
