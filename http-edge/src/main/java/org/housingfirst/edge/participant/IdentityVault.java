package org.housingfirst.edge.participant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.housingfirst.contracts.support.ErasureCause;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.domain.RuleViolation;
import org.housingfirst.identity.NormalisedIdentity;
import org.housingfirst.identity.ParticipantIdentities;
import org.housingfirst.identity.Pseudonymiser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one place where an identity number becomes a {@link ParticipantId} (ADR 0006). The number is validated and
 * pseudonymised with the current key; the vault links that pseudonym to a random surrogate id, which is what events,
 * topics and read models carry. Erasing a person deletes their links: from then on nothing stored anywhere leads back
 * to the number, whoever holds the keys.
 *
 * <p>Key rotation: with a previous key configured, a person known only under the old key's pseudonym gets the new
 * pseudonym linked to the same surrogate at their next request, and a new person is linked under both, so that a
 * service still running with only the old key finds them too.
 */
public class IdentityVault {

    private final JdbcClient jdbc;
    private final JdbcTemplate plain;
    private final TransactionTemplate transactions;
    private final Pseudonymiser current;
    private final Optional<Pseudonymiser> previous;
    private final Clock clock;

    private static final ThreadLocal<Boolean> WITHOUT_NEW_LINKS = new ThreadLocal<>();

    IdentityVault(DataSource vault, Pseudonymiser current, Optional<Pseudonymiser> previous, Clock clock) {
        this.jdbc = JdbcClient.create(vault);
        this.plain = new JdbcTemplate(vault);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(vault));
        this.current = current;
        this.previous = previous;
        this.clock = clock;
    }

    /**
     * The participant a request names: validated (throws {@link org.housingfirst.identity.InvalidIdentityException}
     * with a reason that never repeats the number), then found in the vault or linked to a new surrogate. Two services
     * linking one new person at once agree.
     */
    public ParticipantId participantOf(ParticipantRef participant, String reportingOrganisation) {
        NormalisedIdentity identity = normalise(participant, reportingOrganisation);
        Optional<ParticipantId> known = known(identity);
        if (known.isPresent()) {
            return known.get();
        }
        String surrogate = Pseudonymiser.randomId();
        if (Boolean.TRUE.equals(WITHOUT_NEW_LINKS.get())) { // a dry run: what would be linked, without the link
            return new ParticipantId(surrogate);
        }
        if (previous.isPresent()) { // a service still on the old key alone must find the same person
            String oldPseudonym = previous.get().pseudonymOf(identity);
            link(oldPseudonym, previous.get().keyId(), surrogate);
            surrogate = surrogateOf(oldPseudonym).orElseThrow();
        }
        String pseudonym = current.pseudonymOf(identity);
        link(pseudonym, current.keyId(), surrogate);
        return new ParticipantId(surrogateOf(pseudonym).orElseThrow());
    }

    /**
     * Runs {@code work} so that, when {@code dryRun}, a person the vault does not know gets a throwaway id instead of
     * a link: a dry run stores nothing, here either.
     */
    public static <T> T withoutNewLinksIf(boolean dryRun, Supplier<T> work) {
        if (!dryRun) {
            return work.get();
        }
        WITHOUT_NEW_LINKS.set(true);
        try {
            return work.get();
        } finally {
            WITHOUT_NEW_LINKS.remove();
        }
    }

    /**
     * The participant a request names, if the vault knows them; links no one new. During a key rotation, someone known
     * only under the previous key gets their new pseudonym linked too, as at any request.
     */
    public Optional<ParticipantId> knownParticipant(ParticipantRef participant, String reportingOrganisation) {
        return known(normalise(participant, reportingOrganisation));
    }

    /** The participant a request names, who must be known: otherwise a 404 naming {@code participant}. */
    public ParticipantId requireKnown(ParticipantRef participant, String reportingOrganisation) {
        return knownParticipant(participant, reportingOrganisation)
                .orElseThrow(() -> RuleViolation.unknown("participant", "no participant is known by this identity"));
    }

    private Optional<ParticipantId> known(NormalisedIdentity identity) {
        String pseudonym = current.pseudonymOf(identity);
        Optional<String> known = surrogateOf(pseudonym);
        if (known.isEmpty() && previous.isPresent()) {
            Optional<String> underPrevious = surrogateOf(previous.get().pseudonymOf(identity));
            if (underPrevious.isPresent()) {
                link(pseudonym, current.keyId(), underPrevious.get());
                known = surrogateOf(pseudonym);
            }
        }
        return known.map(ParticipantId::new);
    }

    /** Participants the current key does not reach yet: a key rotation is complete when none is left. */
    public long notYetRekeyed() {
        return jdbc.sql("""
                SELECT count(DISTINCT surrogate) FROM participant_link l WHERE NOT EXISTS
                    (SELECT 1 FROM participant_link c WHERE c.surrogate = l.surrogate AND c.key_id = ?)""").param(current.keyId()).query(Long.class).single();
    }

    /**
     * Deletes every link to the participant and notes the surrogate as erased, for each service to erase its own
     * stores; then vacuums the links, so that the deleted rows leave the table's pages too.
     */
    public Erased erase(ParticipantId participant, ErasureCause cause) {
        Erased erased = transactions.execute(status -> {
            List<Boolean> links = jdbc.sql(
                            "DELETE FROM participant_link WHERE surrogate = ? RETURNING pseudonym = surrogate")
                    .param(participant.value())
                    .query(Boolean.class)
                    .list();
            jdbc.sql("""
                    INSERT INTO participant_erasure (surrogate, cause, erased_at) VALUES (?, ?, ?)
                    ON CONFLICT (surrogate) DO NOTHING""")
                    .params(participant.value(), cause.name(), Timestamp.from(clock.instant()))
                    .update();
            return new Erased(links.size(), links.contains(true));
        });
        plain.execute("VACUUM participant_link");
        return erased;
    }

    /**
     * What {@link #erase} deleted: the links, and whether one of them was a participant's link to their own pseudonym
     * (recorded before the vault, so their earlier events carry the pseudonym).
     */
    public record Erased(int links, boolean recordedBeforeTheVault) {}

    /** Surrogates erased in the vault that {@code service} has not yet erased from its own stores. */
    public List<ParticipantId> erasuresPending(String service) {
        return jdbc.sql("""
                SELECT e.surrogate FROM participant_erasure e
                WHERE NOT EXISTS (SELECT 1 FROM erasure_applied a WHERE a.surrogate = e.surrogate AND a.service = ?)
                ORDER BY e.erased_at, e.surrogate""").param(service).query(String.class).list().stream()
                .map(ParticipantId::new)
                .toList();
    }

    /** Notes that {@code service} has erased the participant from its own stores. */
    public void erasureApplied(ParticipantId participant, String service) {
        jdbc.sql("""
                INSERT INTO erasure_applied (surrogate, service, applied_at) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(participant.value(), service, Timestamp.from(clock.instant()))
                .update();
    }

    /** When each service erased the participant from its own stores, by service. */
    public List<Applied> erasureProgress(ParticipantId participant) {
        return jdbc.sql("SELECT service, applied_at FROM erasure_applied WHERE surrogate = ? ORDER BY service")
                .param(participant.value())
                .query((rs, n) -> new Applied(
                        rs.getString("service"), rs.getTimestamp("applied_at").toInstant()))
                .list();
    }

    /** A service's erasure of a participant from its own stores. */
    public record Applied(String service, Instant at) {}

    /** Whether the participant's links were erased. */
    public boolean erased(ParticipantId participant) {
        return jdbc.sql("SELECT count(*) FROM participant_erasure WHERE surrogate = ?")
                        .param(participant.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * Links participants recorded before the vault, whose ids are their pseudonyms, to themselves, once per service;
     * an erased one stays erased. Returns how many were linked, or empty if this service had imported before (then the
     * pseudonyms are not read).
     */
    public Optional<Integer> importLegacy(String service, Supplier<Collection<String>> pseudonyms) {
        return transactions.execute(status -> {
            int claimed = jdbc.sql("""
                    INSERT INTO legacy_import (service, linked, imported_at) VALUES (?, 0, ?)
                    ON CONFLICT (service) DO NOTHING""")
                    .params(service, Timestamp.from(clock.instant()))
                    .update();
            if (claimed == 0) {
                return Optional.<Integer>empty();
            }
            int linked = 0;
            for (String pseudonym : pseudonyms.get()) { // read only by the import that claimed the service
                linked += jdbc.sql("""
                        INSERT INTO participant_link (pseudonym, key_id, surrogate, linked_at)
                        SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM participant_erasure WHERE surrogate = ?)
                        ON CONFLICT (pseudonym) DO NOTHING""")
                        .params(pseudonym, current.keyId(), pseudonym, Timestamp.from(clock.instant()), pseudonym)
                        .update();
            }
            jdbc.sql("UPDATE legacy_import SET linked = ? WHERE service = ?")
                    .params(linked, service)
                    .update();
            return Optional.of(linked);
        });
    }

    private NormalisedIdentity normalise(ParticipantRef participant, String reportingOrganisation) {
        return ParticipantIdentities.normalise(
                participant.scheme(), participant.value(), reportingOrganisation, LocalDate.now(clock));
    }

    private Optional<String> surrogateOf(String pseudonym) {
        return jdbc.sql("SELECT surrogate FROM participant_link WHERE pseudonym = ?")
                .param(pseudonym)
                .query(String.class)
                .optional();
    }

    private void link(String pseudonym, String keyId, String surrogate) {
        jdbc.sql("""
                INSERT INTO participant_link (pseudonym, key_id, surrogate, linked_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (pseudonym) DO NOTHING""")
                .params(pseudonym, keyId, surrogate, Timestamp.from(clock.instant()))
                .update();
    }
}
