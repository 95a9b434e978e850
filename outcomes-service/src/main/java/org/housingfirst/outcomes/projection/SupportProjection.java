package org.housingfirst.outcomes.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.ParticipantEvent;
import org.housingfirst.contracts.support.SupportAccepted;
import org.housingfirst.contracts.support.SupportContactRecorded;
import org.housingfirst.contracts.support.SupportDeclined;
import org.housingfirst.contracts.support.SupportEpisodeEnded;
import org.housingfirst.contracts.support.SupportEpisodeStarted;
import org.housingfirst.contracts.support.SupportModel;
import org.housingfirst.contracts.support.SupportOffered;
import org.housingfirst.contracts.support.SupportServiceType;
import org.housingfirst.outcomes.engagement.MonthlyEngagement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Voluntary support: episodes ({@code support_episode}) and offers with their answers ({@code support_offer}), both
 * versioned, and contacts as facts ({@code support_contact}) that queries count per participant and month.
 */
@Component
public class SupportProjection {

    /** A support episode as known at some instant. */
    record Episode(
            Owner owner, LocalDate startedOn, SupportModel model, Stamp started, LocalDate endedOn, Stamp ended) {

        static Episode of(Episode episode, SupportEpisodeStarted e) {
            Stamp stamp = new Stamp(e.recordedAt(), e.eventId());
            Owner owner =
                    Owner.after(episode == null ? null : episode.owner, e.participantId(), e.municipality(), stamp);
            boolean replaces = episode == null || stamp.replaces(episode.started);
            return new Episode(
                    owner,
                    replaces ? e.occurredOn() : episode.startedOn,
                    replaces ? e.model() : episode.model,
                    replaces ? stamp : episode.started,
                    episode == null ? null : episode.endedOn,
                    episode == null ? null : episode.ended);
        }

        static Episode of(Episode episode, SupportEpisodeEnded e) {
            Stamp stamp = new Stamp(e.recordedAt(), e.eventId());
            Owner owner =
                    Owner.after(episode == null ? null : episode.owner, e.participantId(), e.municipality(), stamp);
            boolean replaces = episode == null || stamp.replaces(episode.ended);
            return new Episode(
                    owner,
                    episode == null ? null : episode.startedOn,
                    episode == null ? null : episode.model,
                    episode == null ? null : episode.started,
                    replaces ? e.occurredOn() : episode.endedOn,
                    replaces ? stamp : episode.ended);
        }
    }

    /** An offer of support and its answer, as known at some instant. */
    record Offer(
            Owner owner,
            UUID episodeId,
            LocalDate offeredOn,
            SupportServiceType serviceType,
            Stamp offered,
            LocalDate acceptedOn,
            Stamp accepted,
            LocalDate declinedOn,
            Stamp declined) {

        static Offer of(Offer offer, SupportOffered e) {
            Stamp stamp = new Stamp(e.recordedAt(), e.eventId());
            Owner owner = Owner.after(offer == null ? null : offer.owner, e.participantId(), e.municipality(), stamp);
            boolean replaces = offer == null || stamp.replaces(offer.offered);
            return new Offer(
                    owner,
                    e.episodeId(),
                    replaces ? e.occurredOn() : offer.offeredOn,
                    replaces ? e.serviceType() : offer.serviceType,
                    replaces ? stamp : offer.offered,
                    offer == null ? null : offer.acceptedOn,
                    offer == null ? null : offer.accepted,
                    offer == null ? null : offer.declinedOn,
                    offer == null ? null : offer.declined);
        }

        static Offer of(Offer offer, SupportAccepted e) {
            return answered(offer, e, e.episodeId(), true);
        }

        static Offer of(Offer offer, SupportDeclined e) {
            return answered(offer, e, e.episodeId(), false);
        }

        /** An acceptance or a decline: each is its own field group, so a record of both keeps both. */
        private static Offer answered(Offer offer, ParticipantEvent e, UUID episodeId, boolean accepted) {
            Stamp stamp = new Stamp(e.recordedAt(), e.eventId());
            Owner owner = Owner.after(offer == null ? null : offer.owner, e.participantId(), e.municipality(), stamp);
            Stamp current = offer == null ? null : accepted ? offer.accepted : offer.declined;
            boolean replaces = stamp.replaces(current);
            LocalDate on = e.occurredOn();
            return new Offer(
                    owner,
                    offer == null ? episodeId : offer.episodeId,
                    offer == null ? null : offer.offeredOn,
                    offer == null ? null : offer.serviceType,
                    offer == null ? null : offer.offered,
                    accepted && replaces ? on : offer == null ? null : offer.acceptedOn,
                    accepted && replaces ? stamp : offer == null ? null : offer.accepted,
                    !accepted && replaces ? on : offer == null ? null : offer.declinedOn,
                    !accepted && replaces ? stamp : offer == null ? null : offer.declined);
        }
    }

    private static final class Episodes extends VersionedTable.ByUuid<Episode> {

        Episodes() {
            super(
                    "support_episode",
                    "episode_id",
                    List.of(
                            Owner.COLUMNS[0],
                            Owner.COLUMNS[1],
                            Owner.COLUMNS[2],
                            "started_on",
                            "model",
                            "started_event",
                            "started_recorded",
                            "ended_on",
                            "ended_event",
                            "ended_recorded"));
        }

        @Override
        Episode state(ResultSet row) throws SQLException {
            Stamp started = stamp(row, "started_event", "started_recorded");
            Stamp ended = stamp(row, "ended_event", "ended_recorded");
            String model = row.getString("model");
            return new Episode(
                    Owner.read(row, started, ended),
                    row.getObject("started_on", LocalDate.class),
                    model == null ? null : SupportModel.valueOf(model),
                    started,
                    row.getObject("ended_on", LocalDate.class),
                    ended);
        }

        @Override
        Object[] stateValues(Episode e) {
            return concat(e.owner().values(), new Object[] {
                e.startedOn(),
                name(e.model()),
                eventOf(e.started()),
                recordedOf(e.started()),
                e.endedOn(),
                eventOf(e.ended()),
                recordedOf(e.ended())
            });
        }
    }

    private static final class Offers extends VersionedTable.ByUuid<Offer> {

        Offers() {
            super(
                    "support_offer",
                    "offer_id",
                    List.of(
                            Owner.COLUMNS[0],
                            Owner.COLUMNS[1],
                            Owner.COLUMNS[2],
                            "episode_id",
                            "offered_on",
                            "service_type",
                            "offered_event",
                            "offered_recorded",
                            "accepted_on",
                            "accepted_event",
                            "accepted_recorded",
                            "declined_on",
                            "declined_event",
                            "declined_recorded"));
        }

        @Override
        Offer state(ResultSet row) throws SQLException {
            Stamp offered = stamp(row, "offered_event", "offered_recorded");
            Stamp accepted = stamp(row, "accepted_event", "accepted_recorded");
            Stamp declined = stamp(row, "declined_event", "declined_recorded");
            String serviceType = row.getString("service_type");
            return new Offer(
                    Owner.read(row, offered, accepted, declined),
                    row.getObject("episode_id", UUID.class),
                    row.getObject("offered_on", LocalDate.class),
                    serviceType == null ? null : SupportServiceType.valueOf(serviceType),
                    offered,
                    row.getObject("accepted_on", LocalDate.class),
                    accepted,
                    row.getObject("declined_on", LocalDate.class),
                    declined);
        }

        @Override
        Object[] stateValues(Offer o) {
            return concat(o.owner().values(), new Object[] {
                o.episodeId(),
                o.offeredOn(),
                name(o.serviceType()),
                eventOf(o.offered()),
                recordedOf(o.offered()),
                o.acceptedOn(),
                eventOf(o.accepted()),
                recordedOf(o.accepted()),
                o.declinedOn(),
                eventOf(o.declined()),
                recordedOf(o.declined())
            });
        }
    }

    private final Episodes episodes = new Episodes();
    private final Offers offers = new Offers();
    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    SupportProjection(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    /** The support events of a batch, by kind. */
    record Batch(
            List<SupportEpisodeStarted> episodesStarted,
            List<SupportEpisodeEnded> episodesEnded,
            List<SupportOffered> offered,
            List<SupportAccepted> accepted,
            List<SupportDeclined> declined,
            List<SupportContactRecorded> contacts) {

        Batch() {
            this(
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>());
        }
    }

    /** Projects a batch's new support events; the caller runs it in the consuming transaction. */
    void project(Batch batch) {
        List<VersionedTable.Fact<UUID, Episode>> episodeFacts = new ArrayList<>();
        batch.episodesStarted()
                .forEach(e -> episodeFacts.add(
                        new VersionedTable.Fact<>(e.episodeId(), e.recordedAt(), s -> Episode.of(s, e))));
        batch.episodesEnded()
                .forEach(e -> episodeFacts.add(
                        new VersionedTable.Fact<>(e.episodeId(), e.recordedAt(), s -> Episode.of(s, e))));
        episodes.apply(jdbcTemplate, episodeFacts);
        List<VersionedTable.Fact<UUID, Offer>> offerFacts = new ArrayList<>();
        batch.offered()
                .forEach(e ->
                        offerFacts.add(new VersionedTable.Fact<>(e.offerId(), e.recordedAt(), s -> Offer.of(s, e))));
        batch.accepted()
                .forEach(e ->
                        offerFacts.add(new VersionedTable.Fact<>(e.offerId(), e.recordedAt(), s -> Offer.of(s, e))));
        batch.declined()
                .forEach(e ->
                        offerFacts.add(new VersionedTable.Fact<>(e.offerId(), e.recordedAt(), s -> Offer.of(s, e))));
        offers.apply(jdbcTemplate, offerFacts);
        Facts.insert(
                jdbcTemplate,
                "support_contact",
                List.of(
                        "event_id",
                        "participant_id",
                        "country",
                        "municipality_code",
                        "contacted_on",
                        "missed",
                        "recorded_at"),
                batch.contacts(),
                e -> new Object[] {
                    e.eventId(),
                    e.participantId(),
                    e.municipality().country(),
                    e.municipality().code(),
                    e.occurredOn(),
                    e.missed(),
                    VersionedTable.timestamp(e.recordedAt())
                });
    }

    /**
     * Episodes of a municipality (a whole country's when its code is null) started by {@code asOf}; an ending after it
     * has not happened yet.
     */
    public List<MonthlyEngagement.Episode> episodes(Municipality m, LocalDate asOf, Instant knownAt) {
        Known known = new Known(knownAt);
        return known.query(jdbc, """
                        SELECT e.participant_id, e.started_on, e.ended_on FROM support_episode e
                        WHERE %s AND %s
                          AND e.started_on <= :asOf""".formatted(Known.scope("e", m), known.versioned("e")), m)
                .param("asOf", asOf)
                .query((row, n) -> {
                    LocalDate end = row.getObject("ended_on", LocalDate.class);
                    return new MonthlyEngagement.Episode(
                            row.getString("participant_id"),
                            row.getObject("started_on", LocalDate.class),
                            end == null || end.isAfter(asOf) ? null : end);
                })
                .list();
    }

    /** Completed (not missed) contacts per participant in a month, dated by {@code asOf}. */
    public Map<String, Integer> completedContacts(Municipality m, YearMonth month, LocalDate asOf, Instant knownAt) {
        LocalDate last = month.atEndOfMonth().isAfter(asOf) ? asOf : month.atEndOfMonth();
        return completedContacts(m, month.atDay(1), last, knownAt);
    }

    /**
     * Completed (not missed) contacts per participant dated in [{@code first}, {@code last}]: a municipality's, or a
     * whole country's when its code is null.
     */
    public Map<String, Integer> completedContacts(Municipality m, LocalDate first, LocalDate last, Instant knownAt) {
        Known known = new Known(knownAt);
        Map<String, Integer> counts = new LinkedHashMap<>();
        known.query(jdbc, """
                        SELECT c.participant_id, count(*) AS contacts FROM support_contact c
                        WHERE %s AND %s
                          AND c.contacted_on BETWEEN :first AND :last AND NOT c.missed
                        GROUP BY c.participant_id""".formatted(Known.scope("c", m), known.recorded("c")), m)
                .param("first", first)
                .param("last", last)
                .query(row -> {
                    counts.put(row.getString("participant_id"), row.getInt("contacts"));
                });
        return counts;
    }

    /** Offers made in a month and dated by {@code asOf}, each declined or not by {@code asOf}. */
    public List<MonthlyEngagement.Offer> offers(Municipality m, YearMonth month, LocalDate asOf, Instant knownAt) {
        Known known = new Known(knownAt);
        LocalDate last = month.atEndOfMonth().isAfter(asOf) ? asOf : month.atEndOfMonth();
        return known.query(jdbc, """
                        SELECT o.participant_id, o.offered_on, o.declined_on FROM support_offer o
                        WHERE o.country = :country AND o.municipality_code = :municipality AND %s
                          AND o.offered_on BETWEEN :first AND :last""".formatted(known.versioned("o")), m)
                .param("first", month.atDay(1))
                .param("last", last)
                .query((row, n) -> {
                    LocalDate declined = row.getObject("declined_on", LocalDate.class);
                    return new MonthlyEngagement.Offer(
                            row.getString("participant_id"),
                            row.getObject("offered_on", LocalDate.class),
                            declined != null && !declined.isAfter(asOf));
                })
                .list();
    }
}
