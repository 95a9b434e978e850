package org.housingfirst.support.dataprotection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.housingfirst.contracts.support.ErasureCause;
import org.housingfirst.contracts.support.ParticipantErased;
import org.housingfirst.domain.EventContext;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.edge.access.AccessLog;
import org.housingfirst.edge.participant.IdentityVault;
import org.housingfirst.edge.participant.ParticipantErasures;
import org.housingfirst.edge.participant.ParticipantRef;
import org.housingfirst.edge.security.EventContexts;
import org.housingfirst.edge.security.ReportingUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Erases a participant: records {@link ParticipantErased} (first, so that a failure after it is retried and the event
 * is never missing), deletes the vault's links, erases this service's stores, and waits a bounded time for the other
 * services that keep participant-level data ({@code platform.identity.erasing-services}) to erase theirs.
 */
@Component
class Erasures {

    static final List<String> REMAINS = List.of(
            "The participant's events, in the event stores, on the topics and in outcomes-service's event log:"
                    + " anonymous now, they keep every published figure and every rebuild as they were (GDPR Article"
                    + " 17(3)(d), 89(1)).",
            "Published national statistics, which are aggregates under disclosure control.",
            "The access log's entries about the former participant id, including this erasure: the accountability"
                    + " record, linked to no one.",
            "Backups of the identity vault made before now: they expire under the operator's backup retention.",
            "Whatever a case-management system stored itself, including the former participant id: its"
                    + " controller erases it there.");

    private final IdentityVault vault;
    private final ParticipantErasures local;
    private final EventGateway events;
    private final EventContexts contexts;
    private final AccessLog accessLog;
    private final Clock clock;
    private final List<String> services;
    private final Duration wait;

    Erasures(
            IdentityVault vault,
            ParticipantErasures local,
            EventGateway events,
            EventContexts contexts,
            AccessLog accessLog,
            Clock clock,
            @Value("${platform.identity.erasing-services:tenancy-service,support-service}") List<String> services,
            @Value("${platform.identity.erasure-wait:PT20S}") Duration wait) {
        this.vault = vault;
        this.local = local;
        this.events = events;
        this.contexts = contexts;
        this.accessLog = accessLog;
        this.clock = clock;
        this.services = services;
        this.wait = wait;
    }

    ErasureReport erase(ParticipantRef person, ReportingUnit unit, ErasureCause cause) {
        ParticipantId participant = vault.requireKnown(person, unit.reportingOrganisation());
        return erase(participant, unit, cause, wait);
    }

    /**
     * Erases a participant the caller has already resolved, e.g. one whose retention period ran out, waiting at most
     * {@code wait} for the other services to erase their stores.
     */
    ErasureReport erase(ParticipantId participant, ReportingUnit unit, ErasureCause cause, Duration wait) {
        accessLog.erased(unit, participant);
        EventContext context = contexts.next(unit, participant);
        events.publish(new ParticipantErased(
                context.eventId(),
                participant.value(),
                context.reportingOrganisation(),
                context.municipality(),
                LocalDate.ofInstant(context.recordedAt(), clock.getZone()),
                context.recordedAt(),
                cause));
        IdentityVault.Erased erased = vault.erase(participant, cause);
        local.apply(participant);
        Map<String, Instant> applied = awaitServices(participant, wait);
        return new ErasureReport(
                context.recordedAt(),
                cause,
                erased.links(),
                services.stream()
                        .map(service -> new ErasureReport.ServiceErasure(service, applied.get(service)))
                        .toList(),
                erased.recordedBeforeTheVault(),
                REMAINS);
    }

    private Map<String, Instant> awaitServices(ParticipantId participant, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Map<String, Instant> applied = vault.erasureProgress(participant).stream()
                    .collect(Collectors.toMap(IdentityVault.Applied::service, IdentityVault.Applied::at));
            if (applied.keySet().containsAll(services) || System.nanoTime() > deadline) {
                return applied;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return applied;
            }
        }
    }
}
