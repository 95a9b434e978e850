package org.housingfirst.outcomes.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.tenancy.ContractType;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.contracts.tenancy.TenancyContractConverted;
import org.housingfirst.contracts.tenancy.TenancyCorrected;
import org.housingfirst.contracts.tenancy.TenancyEnded;
import org.housingfirst.contracts.tenancy.TenancyStarted;
import org.housingfirst.outcomes.contracts.FirstHandLeases;
import org.housingfirst.outcomes.retention.TenancySpell;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tenancies: one versioned row per tenancy in {@code tenancy_spell} (move-in and contract, ending, rehousing link), and
 * contract conversions as facts in {@code tenancy_conversion}.
 */
@Component
public class TenancyProjection {

    /** A tenancy as known at some instant. {@code started} and {@code ended} are null until such a fact arrives. */
    record Spell(
            Owner owner,
            LocalDate moveIn,
            ContractType contractType,
            Boolean rehousing,
            UUID previousTenancyId,
            Stamp started,
            LocalDate end,
            EndReason endReason,
            DestinationCategory destination,
            Stamp ended) {

        static Spell of(Spell spell, TenancyStarted e) {
            Stamp stamp = new Stamp(e.recordedAt(), e.eventId());
            Owner owner = Owner.after(spell == null ? null : spell.owner, e.participantId(), e.municipality(), stamp);
            if (spell != null && !stamp.replaces(spell.started)) {
                return new Spell(
                        owner,
                        spell.moveIn,
                        spell.contractType,
                        spell.rehousing,
                        spell.previousTenancyId,
                        spell.started,
                        spell.end,
                        spell.endReason,
                        spell.destination,
                        spell.ended);
            }
            return new Spell(
                    owner,
                    e.occurredOn(),
                    e.contractType(),
                    e.rehousing(),
                    e.previousTenancyId(),
                    stamp,
                    spell == null ? null : spell.end,
                    spell == null ? null : spell.endReason,
                    spell == null ? null : spell.destination,
                    spell == null ? null : spell.ended);
        }

        static Spell of(Spell spell, TenancyEnded e) {
            Stamp stamp = new Stamp(e.recordedAt(), e.eventId());
            Owner owner = Owner.after(spell == null ? null : spell.owner, e.participantId(), e.municipality(), stamp);
            boolean replaces = spell == null || stamp.replaces(spell.ended);
            return new Spell(
                    owner,
                    spell == null ? null : spell.moveIn,
                    spell == null ? null : spell.contractType,
                    spell == null ? null : spell.rehousing,
                    spell == null ? null : spell.previousTenancyId,
                    spell == null ? null : spell.started,
                    replaces ? e.occurredOn() : spell.end,
                    replaces ? e.endReason() : spell.endReason,
                    replaces ? e.destinationCategory() : spell.destination,
                    replaces ? stamp : spell.ended);
        }

        /**
         * A correction replaces the start group, and the end group when it states an end, as any later-recorded fact
         * does; the offer and previous tenancy stay.
         */
        static Spell of(Spell spell, TenancyCorrected e) {
            Stamp stamp = new Stamp(e.recordedAt(), e.eventId());
            Owner owner = Owner.after(spell == null ? null : spell.owner, e.participantId(), e.municipality(), stamp);
            boolean start = spell == null || stamp.replaces(spell.started);
            boolean end = e.endDate() != null && (spell == null || stamp.replaces(spell.ended));
            return new Spell(
                    owner,
                    start ? e.occurredOn() : spell.moveIn,
                    start ? e.contractType() : spell.contractType,
                    start ? Boolean.valueOf(e.rehousing()) : spell.rehousing,
                    spell == null ? null : spell.previousTenancyId,
                    start ? stamp : spell.started,
                    end ? e.endDate() : spell == null ? null : spell.end,
                    end ? e.endReason() : spell == null ? null : spell.endReason,
                    end ? e.destinationCategory() : spell == null ? null : spell.destination,
                    end ? stamp : spell == null ? null : spell.ended);
        }
    }

    private static final class Spells extends VersionedTable.ByUuid<Spell> {

        Spells() {
            super(
                    "tenancy_spell",
                    "tenancy_id",
                    List.of(
                            Owner.COLUMNS[0],
                            Owner.COLUMNS[1],
                            Owner.COLUMNS[2],
                            "move_in",
                            "contract_type",
                            "rehousing",
                            "previous_tenancy_id",
                            "started_event",
                            "started_recorded",
                            "end_on",
                            "end_reason",
                            "destination",
                            "ended_event",
                            "ended_recorded"));
        }

        @Override
        Spell state(ResultSet row) throws SQLException {
            Stamp started = stamp(row, "started_event", "started_recorded");
            Stamp ended = stamp(row, "ended_event", "ended_recorded");
            String contract = row.getString("contract_type");
            String reason = row.getString("end_reason");
            String destination = row.getString("destination");
            return new Spell(
                    Owner.read(row, started, ended),
                    row.getObject("move_in", LocalDate.class),
                    contract == null ? null : ContractType.valueOf(contract),
                    (Boolean) row.getObject("rehousing"),
                    row.getObject("previous_tenancy_id", UUID.class),
                    started,
                    row.getObject("end_on", LocalDate.class),
                    reason == null ? null : EndReason.valueOf(reason),
                    destination == null ? null : DestinationCategory.valueOf(destination),
                    ended);
        }

        @Override
        Object[] stateValues(Spell s) {
            return concat(s.owner().values(), new Object[] {
                s.moveIn(),
                name(s.contractType()),
                s.rehousing(),
                s.previousTenancyId(),
                eventOf(s.started()),
                recordedOf(s.started()),
                s.end(),
                name(s.endReason()),
                name(s.destination()),
                eventOf(s.ended()),
                recordedOf(s.ended())
            });
        }
    }

    private final Spells spells = new Spells();
    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    TenancyProjection(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    /** Projects a batch's new tenancy events; the caller runs it in the consuming transaction. */
    void project(
            List<TenancyStarted> starts,
            List<TenancyEnded> ends,
            List<TenancyCorrected> corrections,
            List<TenancyContractConverted> conversions) {
        List<VersionedTable.Fact<UUID, Spell>> facts = new ArrayList<>();
        starts.forEach(e -> facts.add(new VersionedTable.Fact<>(e.tenancyId(), e.recordedAt(), s -> Spell.of(s, e))));
        ends.forEach(e -> facts.add(new VersionedTable.Fact<>(e.tenancyId(), e.recordedAt(), s -> Spell.of(s, e))));
        corrections.forEach(
                e -> facts.add(new VersionedTable.Fact<>(e.tenancyId(), e.recordedAt(), s -> Spell.of(s, e))));
        spells.apply(jdbcTemplate, facts);
        Facts.insert(
                jdbcTemplate,
                "tenancy_conversion",
                List.of(
                        "event_id",
                        "tenancy_id",
                        "country",
                        "municipality_code",
                        "converted_on",
                        "from_type",
                        "to_type",
                        "recorded_at"),
                conversions,
                e -> new Object[] {
                    e.eventId(),
                    e.tenancyId(),
                    e.municipality().country(),
                    e.municipality().code(),
                    e.occurredOn(),
                    e.fromContractType().name(),
                    e.toContractType().name(),
                    VersionedTable.timestamp(e.recordedAt())
                });
    }

    /**
     * Each participant's tenancies in a municipality moved into by {@code asOf}, as known at {@code knownAt} (null:
     * everything stored); an ending dated after {@code asOf} has not happened yet. Spells in move-in order.
     */
    public Map<String, List<TenancySpell>> spellsByParticipant(Municipality m, LocalDate asOf, Instant knownAt) {
        Known known = new Known(knownAt);
        Map<String, List<TenancySpell>> byParticipant = new LinkedHashMap<>();
        known.query(jdbc, """
                        SELECT s.participant_id, s.move_in, s.end_on, s.end_reason, s.destination
                        FROM tenancy_spell s
                        WHERE s.country = :country AND s.municipality_code = :municipality AND %s
                          AND s.move_in <= :asOf
                        ORDER BY s.participant_id, s.move_in, s.tenancy_id""".formatted(known.versioned("s")), m)
                .param("asOf", asOf)
                .query(row -> {
                    byParticipant
                            .computeIfAbsent(row.getString("participant_id"), p -> new ArrayList<>())
                            .add(spell(row, asOf, "move_in", "end_on", "end_reason", "destination"));
                });
        return byParticipant;
    }

    /** A spell from its columns; an ending after {@code asOf} has not happened yet. */
    static TenancySpell spell(
            ResultSet row, LocalDate asOf, String moveIn, String endOn, String endReason, String destination)
            throws SQLException {
        LocalDate end = row.getObject(endOn, LocalDate.class);
        LocalDate start = row.getObject(moveIn, LocalDate.class);
        if (end == null || end.isAfter(asOf)) {
            return TenancySpell.active(start);
        }
        return TenancySpell.ended(
                start,
                end,
                EndReason.valueOf(row.getString(endReason)),
                DestinationCategory.valueOf(row.getString(destination)));
    }

    /**
     * The tenancies of a municipality moved into by {@code upTo} with their starting contract and the conversions dated
     * by then, as known at {@code knownAt}; an ending after {@code upTo} has not happened yet.
     */
    public List<FirstHandLeases.Tenancy> leases(Municipality m, LocalDate upTo, Instant knownAt) {
        return leasesByParticipant(m, upTo, knownAt).values().stream()
                .flatMap(List::stream)
                .toList();
    }

    /** As {@link #leases}, by participant; a whole country's when the municipality's code is null. */
    public Map<String, List<FirstHandLeases.Tenancy>> leasesByParticipant(
            Municipality m, LocalDate upTo, Instant knownAt) {
        Known known = new Known(knownAt);
        Map<UUID, List<FirstHandLeases.Conversion>> conversions = new HashMap<>();
        known.query(jdbc, """
                        SELECT c.tenancy_id, c.converted_on, c.from_type, c.to_type FROM tenancy_conversion c
                        WHERE %s AND %s
                          AND c.converted_on <= :upTo""".formatted(Known.scope("c", m), known.recorded("c")), m)
                .param("upTo", upTo)
                .query(row -> {
                    conversions
                            .computeIfAbsent(row.getObject("tenancy_id", UUID.class), t -> new ArrayList<>())
                            .add(new FirstHandLeases.Conversion(
                                    row.getObject("converted_on", LocalDate.class),
                                    ContractType.valueOf(row.getString("from_type")),
                                    ContractType.valueOf(row.getString("to_type"))));
                });
        Map<String, List<FirstHandLeases.Tenancy>> leases = new LinkedHashMap<>();
        known.query(jdbc, """
                        SELECT s.participant_id, s.tenancy_id, s.move_in, s.end_on, s.contract_type
                        FROM tenancy_spell s WHERE %s AND %s
                          AND s.move_in <= :upTo
                        ORDER BY s.move_in, s.tenancy_id""".formatted(Known.scope("s", m), known.versioned("s")), m)
                .param("upTo", upTo)
                .query(row -> {
                    LocalDate end = row.getObject("end_on", LocalDate.class);
                    UUID tenancy = row.getObject("tenancy_id", UUID.class);
                    leases.computeIfAbsent(row.getString("participant_id"), p -> new ArrayList<>(1))
                            .add(new FirstHandLeases.Tenancy(
                                    row.getObject("move_in", LocalDate.class),
                                    end == null || end.isAfter(upTo) ? null : end,
                                    ContractType.valueOf(row.getString("contract_type")),
                                    conversions.getOrDefault(tenancy, List.of())));
                });
        return leases;
    }
}
