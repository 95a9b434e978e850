package org.housingfirst.outcomes.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.housingfirst.contracts.ContractEvent;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.ParticipantEvent;
import org.housingfirst.contracts.support.ConsentPurpose;
import org.housingfirst.contracts.support.ParticipantEnrolled;
import org.housingfirst.contracts.support.ParticipantExited;
import org.housingfirst.contracts.support.Sex;
import org.housingfirst.outcomes.pathways.ReturnsToHomelessness;
import org.housingfirst.outcomes.retention.TenancySpell;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Participations: a participant in a municipality with the attributes of the latest enrolment ({@code participation},
 * versioned), the latest decision on consent per purpose ({@code consent}, versioned), and every enrolment and programme
 * exit as facts ({@code enrolment}, {@code programme_exit}).
 */
@Component
public class ParticipationProjection {

    /** A participant in one municipality. */
    record Key(String participantId, String country, String municipalityCode) {

        static Key of(String participantId, Municipality m) {
            return new Key(participantId, m.country(), m.code());
        }
    }

    /** The latest enrolment: latest by enrolment date, then by recording. */
    record Enrolment(LocalDate enrolledOn, String programmeId, Sex sex, int birthYear, Stamp stamp) {

        private static final Comparator<Enrolment> ORDER =
                Comparator.comparing(Enrolment::enrolledOn).thenComparing(Enrolment::stamp);

        Enrolment latest(Enrolment other) {
            return other == null || ORDER.compare(this, other) > 0 ? this : other;
        }
    }

    /** A consent decision for one purpose; the latest by decision date, then by recording, holds. */
    record ConsentKey(String participantId, ConsentPurpose purpose, String country, String municipalityCode) {}

    record Decision(boolean given, LocalDate decidedOn, Stamp stamp) {

        private static final Comparator<Decision> ORDER =
                Comparator.comparing(Decision::decidedOn).thenComparing(Decision::stamp);

        Decision latest(Decision other) {
            return other == null || ORDER.compare(this, other) > 0 ? this : other;
        }
    }

    /**
     * A participation with its tenancy spells, the unit of national tables.
     *
     * @param sex as stated at the latest enrolment, or null
     * @param birthYear of the latest enrolment, or null without one
     * @param programmeId of the latest enrolment, or null without one
     */
    public record Housed(
            String municipalityCode,
            String participantId,
            String sex,
            Integer birthYear,
            String programmeId,
            List<TenancySpell> spells) {}

    private static final class Participations extends VersionedTable<Key, Enrolment> {

        Participations() {
            super(
                    "participation",
                    List.of("participant_id", "country", "municipality_code"),
                    List.of(
                            "enrolled_on",
                            "programme_id",
                            "sex",
                            "birth_year",
                            "enrolment_event",
                            "enrolment_recorded"),
                    "participant_id",
                    "varchar");
        }

        @Override
        Key key(ResultSet row) throws SQLException {
            return new Key(
                    row.getString("participant_id"), row.getString("country"), row.getString("municipality_code"));
        }

        @Override
        Enrolment state(ResultSet row) throws SQLException {
            String sex = row.getString("sex");
            return new Enrolment(
                    row.getObject("enrolled_on", LocalDate.class),
                    row.getString("programme_id"),
                    sex == null ? null : Sex.valueOf(sex),
                    row.getInt("birth_year"),
                    stamp(row, "enrolment_event", "enrolment_recorded"));
        }

        @Override
        Object[] keyValues(Key key) {
            return new Object[] {key.participantId(), key.country(), key.municipalityCode()};
        }

        @Override
        Object[] stateValues(Enrolment e) {
            return new Object[] {
                e.enrolledOn(),
                e.programmeId(),
                name(e.sex()),
                e.birthYear(),
                e.stamp().eventId(),
                timestamp(e.stamp().recordedAt())
            };
        }

        @Override
        Object lookup(Key key) {
            return key.participantId();
        }
    }

    private static final class Consents extends VersionedTable<ConsentKey, Decision> {

        Consents() {
            super(
                    "consent",
                    List.of("participant_id", "purpose", "country", "municipality_code"),
                    List.of("given", "decided_on", "decision_event", "decision_recorded"),
                    "participant_id",
                    "varchar");
        }

        @Override
        ConsentKey key(ResultSet row) throws SQLException {
            return new ConsentKey(
                    row.getString("participant_id"),
                    ConsentPurpose.valueOf(row.getString("purpose")),
                    row.getString("country"),
                    row.getString("municipality_code"));
        }

        @Override
        Decision state(ResultSet row) throws SQLException {
            return new Decision(
                    row.getBoolean("given"),
                    row.getObject("decided_on", LocalDate.class),
                    stamp(row, "decision_event", "decision_recorded"));
        }

        @Override
        Object[] keyValues(ConsentKey key) {
            return new Object[] {key.participantId(), key.purpose().name(), key.country(), key.municipalityCode()};
        }

        @Override
        Object[] stateValues(Decision d) {
            return new Object[] {
                d.given(),
                d.decidedOn(),
                d.stamp().eventId(),
                timestamp(d.stamp().recordedAt())
            };
        }

        @Override
        Object lookup(ConsentKey key) {
            return key.participantId();
        }
    }

    /** A consent event: given or withdrawn, for a purpose. */
    record ConsentDecision(ContractEvent event, String participantId, ConsentPurpose purpose, boolean given) {}

    private final Participations participations = new Participations();
    private final Consents consents = new Consents();
    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    ParticipationProjection(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    /** Projects a batch's new enrolment, consent and exit events; the caller runs it in the consuming transaction. */
    void project(List<ParticipantEnrolled> enrolments, List<ConsentDecision> decisions, List<ParticipantExited> exits) {
        participations.apply(
                jdbcTemplate,
                enrolments.stream()
                        .map(e -> {
                            Enrolment enrolment = new Enrolment(
                                    e.occurredOn(),
                                    e.programmeId(),
                                    e.sex(),
                                    e.birthYear(),
                                    new Stamp(e.recordedAt(), e.eventId()));
                            return new VersionedTable.Fact<Key, Enrolment>(
                                    Key.of(e.participantId(), e.municipality()), e.recordedAt(), enrolment::latest);
                        })
                        .toList());
        consents.apply(
                jdbcTemplate,
                decisions.stream()
                        .map(d -> {
                            ContractEvent e = d.event();
                            Decision decision =
                                    new Decision(d.given(), e.occurredOn(), new Stamp(e.recordedAt(), e.eventId()));
                            return new VersionedTable.Fact<ConsentKey, Decision>(
                                    new ConsentKey(
                                            d.participantId(),
                                            d.purpose(),
                                            e.municipality().country(),
                                            e.municipality().code()),
                                    e.recordedAt(),
                                    decision::latest);
                        })
                        .toList());
        Facts.insert(
                jdbcTemplate,
                "enrolment",
                List.of(
                        "event_id",
                        "participant_id",
                        "country",
                        "municipality_code",
                        "enrolled_on",
                        "programme_id",
                        "recorded_at",
                        "sex",
                        "birth_year",
                        "homelessness_situation"),
                enrolments,
                e -> {
                    Object[] fact = factRow(e, e.programmeId());
                    Object[] row = Arrays.copyOf(fact, fact.length + 3);
                    row[fact.length] = e.sex() == null ? null : e.sex().name();
                    row[fact.length + 1] = e.birthYear();
                    row[fact.length + 2] = VersionedTable.name(e.homelessnessSituation());
                    return row;
                });
        Facts.insert(
                jdbcTemplate,
                "programme_exit",
                List.of(
                        "event_id",
                        "participant_id",
                        "country",
                        "municipality_code",
                        "exited_on",
                        "destination",
                        "recorded_at"),
                exits,
                e -> factRow(e, e.destinationCategory().name()));
    }

    private static Object[] factRow(ParticipantEvent e, String detail) {
        return new Object[] {
            e.eventId(),
            e.participantId(),
            e.municipality().country(),
            e.municipality().code(),
            e.occurredOn(),
            detail,
            VersionedTable.timestamp(e.recordedAt())
        };
    }

    /**
     * Participations with at least one tenancy moved into by {@code asOf}, with the attributes of their latest
     * enrolment on or before {@code asOf}, as known at {@code knownAt} (null: everything stored): a country's, or one municipality's when
     * {@code municipalityCode} is given. {@code honourWithdrawals} leaves out every participation of a person whose
     * latest decision on consent for national statistics, in any municipality of the country, is a withdrawal. In no particular order; each one's spells in move-in order.
     */
    public List<Housed> housed(
            String country, String municipalityCode, LocalDate asOf, Instant knownAt, boolean honourWithdrawals) {
        // three single-table scans joined here: each has one obvious plan, whatever the planner knows of the tables
        Known known = new Known(knownAt);
        Municipality scope = new Municipality(country, municipalityCode, null);
        // codes repeat across tens of thousands of rows: one string each, not one per row
        Map<String, String> strings = new HashMap<>();
        // the attributes of the latest enrolment on or before asOf (by enrolment date, then recording): a table for a
        // past quarter keeps what was stated then, whatever a later enrolment states
        Map<String, String[]> attributes = new HashMap<>();
        known.query(
                        jdbc,
                        "SELECT DISTINCT ON (p.municipality_code, p.participant_id) p.municipality_code,"
                                + " p.participant_id, p.sex, p.birth_year, p.programme_id FROM enrolment p WHERE "
                                + Known.scope("p", scope) + " AND " + known.recorded("p")
                                + " AND p.enrolled_on <= :asOf"
                                + " ORDER BY p.municipality_code, p.participant_id, p.enrolled_on DESC,"
                                + " p.recorded_at DESC, p.event_id DESC",
                        scope)
                .param("asOf", asOf)
                .query(row -> {
                    attributes.put(
                            row.getString("municipality_code") + "/" + row.getString("participant_id"), new String[] {
                                row.getString("sex"), row.getString("birth_year"), row.getString("programme_id")
                            });
                });
        // A decision on consent is the person's, wherever it was recorded: their latest decision in the country, by
        // decision date and then recording, holds for every participation of theirs.
        Set<String> withdrawn = honourWithdrawals ? withdrawn(known, scope) : Set.of();
        // grouped here rather than sorted by the database: a country's spells sort in memory in a fraction of the time
        record Row(String unit, String municipality, String participant, UUID tenancy, TenancySpell spell) {}
        Map<String, List<Row>> byUnit = new HashMap<>();
        known.query(
                        jdbc,
                        "SELECT s.municipality_code, s.participant_id, s.tenancy_id, s.move_in, s.end_on, s.end_reason,"
                                + " s.destination FROM tenancy_spell s WHERE " + Known.scope("s", scope) + " AND "
                                + known.versioned("s") + " AND s.move_in <= :asOf",
                        scope)
                .param("asOf", asOf)
                .query(row -> {
                    String municipality = shared(strings, row.getString("municipality_code"));
                    String participant = row.getString("participant_id");
                    String unit = municipality + "/" + participant;
                    if (!withdrawn.contains(participant)) {
                        byUnit.computeIfAbsent(unit, u -> new ArrayList<>(2))
                                .add(new Row(
                                        unit,
                                        municipality,
                                        participant,
                                        row.getObject("tenancy_id", UUID.class),
                                        TenancyProjection.spell(
                                                row, asOf, "move_in", "end_on", "end_reason", "destination")));
                    }
                });
        List<Housed> housed = new ArrayList<>(byUnit.size());
        byUnit.values().forEach(rows -> {
            rows.sort(Comparator.comparing((Row r) -> r.spell().moveIn()).thenComparing(Row::tenancy));
            Row first = rows.getFirst();
            String[] attribute = attributes.get(first.unit());
            List<TenancySpell> spells = new ArrayList<>(rows.size());
            rows.forEach(r -> spells.add(r.spell()));
            housed.add(new Housed(
                    first.municipality(),
                    first.participant(),
                    attribute == null ? null : attribute[0],
                    attribute == null ? null : Integer.valueOf(attribute[1]),
                    attribute == null ? null : attribute[2],
                    spells));
        });
        return housed;
    }

    /** The persons whose latest decision on consent for national statistics in the country is a withdrawal. */
    private Set<String> withdrawn(Known known, Municipality scope) {
        Set<String> withdrawn = new HashSet<>();
        known.query(
                        jdbc,
                        "SELECT DISTINCT ON (c.participant_id) c.participant_id, c.given FROM consent c"
                                + " WHERE c.country = :country AND c.purpose = 'NATIONAL_STATISTICS' AND "
                                + known.versioned("c")
                                + " ORDER BY c.participant_id, c.decided_on DESC, c.decision_recorded DESC",
                        scope)
                .query(row -> {
                    if (!row.getBoolean("given")) {
                        withdrawn.add(row.getString("participant_id"));
                    }
                });
        return withdrawn;
    }

    /**
     * One enrolment as stated.
     *
     * @param sex as stated, or null
     * @param homelessnessSituation the situation at entry as stated, or null for an event that did not carry one
     */
    public record Enrolled(
            String participantId,
            String municipalityCode,
            LocalDate enrolledOn,
            String sex,
            int birthYear,
            String homelessnessSituation) {}

    /**
     * A country's enrolments dated in [{@code from}, {@code to}], as known at {@code knownAt} (null: everything stored),
     * leaving out every enrolment of a person whose latest decision on consent for national statistics in the country
     * is a withdrawal.
     */
    public List<Enrolled> enrolled(String country, LocalDate from, LocalDate to, Instant knownAt) {
        Known known = new Known(knownAt);
        Municipality scope = new Municipality(country, null, null);
        Set<String> withdrawn = withdrawn(known, scope);
        return known
                .query(
                        jdbc,
                        "SELECT e.participant_id, e.municipality_code, e.enrolled_on, e.sex, e.birth_year,"
                                + " e.homelessness_situation FROM enrolment e WHERE " + Known.scope("e", scope)
                                + " AND "
                                + known.recorded("e") + " AND e.enrolled_on BETWEEN :from AND :to",
                        scope)
                .param("from", from)
                .param("to", to)
                .query((row, n) -> new Enrolled(
                        row.getString("participant_id"),
                        row.getString("municipality_code"),
                        row.getObject("enrolled_on", LocalDate.class),
                        row.getString("sex"),
                        row.getInt("birth_year"),
                        row.getString("homelessness_situation")))
                .list()
                .stream()
                .filter(e -> !withdrawn.contains(e.participantId()))
                .toList();
    }

    private static String shared(Map<String, String> strings, String value) {
        return value == null ? null : strings.computeIfAbsent(value, v -> v);
    }

    /** Each participant's enrolment dates in a municipality up to {@code asOf}, as known at {@code knownAt}. */
    public Map<String, List<LocalDate>> enrolmentDates(Municipality m, LocalDate asOf, Instant knownAt) {
        Known known = new Known(knownAt);
        Map<String, List<LocalDate>> dates = new LinkedHashMap<>();
        known.query(jdbc, """
                        SELECT e.participant_id, e.enrolled_on FROM enrolment e
                        WHERE e.country = :country AND e.municipality_code = :municipality AND %s
                          AND e.enrolled_on <= :asOf
                        ORDER BY e.participant_id, e.enrolled_on""".formatted(known.recorded("e")), m)
                .param("asOf", asOf)
                .query(row -> {
                    dates.computeIfAbsent(row.getString("participant_id"), p -> new ArrayList<>())
                            .add(row.getObject("enrolled_on", LocalDate.class));
                });
        return dates;
    }

    /** Each participant's programme exits in a municipality up to {@code asOf}, as known at {@code knownAt}. */
    public Map<String, List<ReturnsToHomelessness.Exit>> exits(Municipality m, LocalDate asOf, Instant knownAt) {
        Known known = new Known(knownAt);
        Map<String, List<ReturnsToHomelessness.Exit>> exits = new LinkedHashMap<>();
        known.query(jdbc, """
                        SELECT x.participant_id, x.exited_on, x.destination FROM programme_exit x
                        WHERE x.country = :country AND x.municipality_code = :municipality AND %s
                          AND x.exited_on <= :asOf
                        ORDER BY x.participant_id, x.exited_on""".formatted(known.recorded("x")), m)
                .param("asOf", asOf)
                .query(row -> {
                    exits.computeIfAbsent(row.getString("participant_id"), p -> new ArrayList<>())
                            .add(new ReturnsToHomelessness.Exit(
                                    row.getObject("exited_on", LocalDate.class),
                                    DestinationCategory.valueOf(row.getString("destination"))));
                });
        return exits;
    }
}
