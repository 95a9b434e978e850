package org.housingfirst.support.dataprotection;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.housingfirst.contracts.support.ErasureCause;

/**
 * What an erasure did, for the data protection officer's records. It names neither the person nor their former
 * participant id: kept beside the request, it would link them again.
 *
 * @param erasedAt when the vault deleted the links
 * @param cause why
 * @param linksDeleted the vault's links deleted (one per pseudonym key the person was seen under)
 * @param services each service that keeps participant-level data, and when it erased the person from its stores
 *     (null: not yet; it does within its sweep interval)
 * @param recordedBeforeTheVault whether the participant's id was their pseudonym (recorded before the vault): then
 *     whoever holds the pseudonym key and the identity number can still find their earlier events
 * @param remains what stays, and why
 */
@Schema(description = "What an erasure did; it names neither the person nor their former participant id")
record ErasureReport(
        Instant erasedAt,
        ErasureCause cause,
        int linksDeleted,
        List<ServiceErasure> services,
        boolean recordedBeforeTheVault,
        List<String> remains) {

    /** One service's erasure from its own stores. */
    record ServiceErasure(String service, Instant erasedAt) {}
}
