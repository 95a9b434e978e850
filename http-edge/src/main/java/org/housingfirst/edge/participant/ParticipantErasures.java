package org.housingfirst.edge.participant;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.housingfirst.domain.ParticipantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases participants from this service's own stores once the vault has erased their links: every {@link
 * ParticipantData}, and the stored responses of idempotent requests that name them (a request's hashed key or body
 * could otherwise be matched by someone holding the key and the identity number). Runs right after an erasure this
 * service received and, for erasures received elsewhere, on a schedule ({@code platform.identity.erasure-sweep},
 * default every 5 seconds).
 */
public class ParticipantErasures {

    private static final Logger log = LoggerFactory.getLogger(ParticipantErasures.class);

    private final IdentityVault vault;
    private final List<ParticipantData> stores;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String service;
    private final MeterRegistry meters;

    ParticipantErasures(
            IdentityVault vault,
            List<ParticipantData> stores,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            String service,
            MeterRegistry meters) {
        this.vault = vault;
        this.stores = stores;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.service = service;
        this.meters = meters;
    }

    /** Erases, in this service, every participant the vault has erased and this service has not; returns how many. */
    @Scheduled(
            initialDelayString = "${platform.identity.erasure-sweep:PT5S}",
            fixedDelayString = "${platform.identity.erasure-sweep:PT5S}")
    public synchronized int sweep() {
        List<ParticipantId> pending = vault.erasuresPending(service);
        for (ParticipantId participant : pending) {
            apply(participant);
        }
        return pending.size();
    }

    /** Erases one participant whose links the vault has deleted from this service's stores; returns the rows deleted. */
    public synchronized int apply(ParticipantId participant) {
        Integer rows = transactions.execute(status -> {
            int deleted = 0;
            for (ParticipantData store : stores) {
                deleted += store.erase(participant);
            }
            deleted += jdbc.sql("""
                    DELETE FROM idempotent_request
                    WHERE position(convert_to(?, 'UTF8') IN body) > 0 OR position(? IN coalesce(location, '')) > 0""")
                    .params(participant.value(), participant.value())
                    .update();
            return deleted;
        });
        vault.erasureApplied(participant, service);
        meters.counter("participant.erasures.applied").increment();
        log.info("erased a participant from this service's stores: {} rows", rows);
        return rows == null ? 0 : rows;
    }
}
