package org.housingfirst.support.support;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.housingfirst.domain.EpisodeId;
import org.housingfirst.domain.EventContext;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.domain.RuleViolation;
import org.housingfirst.domain.SupportOfferId;
import org.housingfirst.edge.access.AccessLog;
import org.housingfirst.edge.access.AccessLogged;
import org.housingfirst.edge.participant.IdentityVault;
import org.housingfirst.edge.security.EventContexts;
import org.housingfirst.edge.security.ReportingUnit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** HTTP to commands and queries. Municipality and organisation come from the token, never from the body. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "support", description = "Enrolment, consent, exit, support episodes, offers and contacts")
@SecurityRequirement(name = "bearer")
class SupportController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final IdentityVault vault;
    private final EventContexts contexts;
    private final AccessLog accessLog;

    SupportController(
            CommandGateway commands,
            QueryGateway queries,
            IdentityVault vault,
            EventContexts contexts,
            AccessLog accessLog) {
        this.accessLog = accessLog;
        this.commands = commands;
        this.queries = queries;
        this.vault = vault;
        this.contexts = contexts;
    }

    @PostMapping(path = "/enrolments", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enrol a participant, named by identity number or local reference, in a programme")
    ResponseEntity<RecordedResponse> enrol(@Valid @RequestBody EnrolParticipantRequest request, ReportingUnit unit) {
        ParticipantId participantId = vault.participantOf(request.participant(), unit.reportingOrganisation());
        EventContext context = contexts.next(unit, participantId);
        commands.sendAndWait(new EnrolParticipant(
                SupportHistoryId.of(unit.municipality(), participantId),
                context,
                request.programmeId(),
                request.enrolledOn(),
                request.referralSource(),
                request.homelessnessSituation(),
                request.homelessnessDuration(),
                request.birthYear(),
                request.sex()));
        return ResponseEntity.created(URI.create("/api/v1/participants/" + participantId.value() + "/support"))
                .body(new RecordedResponse(context.eventId(), participantId.value(), null, null, null));
    }

    @PostMapping(path = "/participants/{participantId}/consents", consumes = "application/json")
    @Operation(summary = "Record the participant's consent for a purpose")
    ResponseEntity<RecordedResponse> recordConsent(
            @PathVariable @Pattern(regexp = ParticipantId.PATTERN, message = ParticipantId.PATTERN_MESSAGE)
                    String participantId,
            @Valid @RequestBody ConsentRequest request,
            ReportingUnit unit) {
        return recordForParticipant(
                participantId, unit, (history, c) -> new RecordConsent(history, c, request.purpose(), request.date()));
    }

    @PostMapping(path = "/participants/{participantId}/consent-withdrawals", consumes = "application/json")
    @Operation(summary = "Record that the participant withdrew consent for a purpose")
    ResponseEntity<RecordedResponse> withdrawConsent(
            @PathVariable @Pattern(regexp = ParticipantId.PATTERN, message = ParticipantId.PATTERN_MESSAGE)
                    String participantId,
            @Valid @RequestBody ConsentRequest request,
            ReportingUnit unit) {
        return recordForParticipant(
                participantId,
                unit,
                (history, c) -> new WithdrawConsent(history, c, request.purpose(), request.date()));
    }

    @PostMapping(path = "/participants/{participantId}/exits", consumes = "application/json")
    @Operation(summary = "Record that the participant left a programme")
    ResponseEntity<RecordedResponse> exit(
            @PathVariable @Pattern(regexp = ParticipantId.PATTERN, message = ParticipantId.PATTERN_MESSAGE)
                    String participantId,
            @Valid @RequestBody ExitParticipantRequest request,
            ReportingUnit unit) {
        return recordForParticipant(
                participantId,
                unit,
                (history, c) -> new ExitParticipant(
                        history,
                        c,
                        request.programmeId(),
                        request.exitedOn(),
                        request.exitReason(),
                        request.destinationCategory()));
    }

    @PostMapping(path = "/participants/{participantId}/support-episodes", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a support episode; it is independent of any tenancy")
    ResponseEntity<RecordedResponse> startEpisode(
            @PathVariable @Pattern(regexp = ParticipantId.PATTERN, message = ParticipantId.PATTERN_MESSAGE)
                    String participantId,
            @Valid @RequestBody StartSupportEpisodeRequest request,
            ReportingUnit unit) {
        EpisodeId episodeId = new EpisodeId(contexts.newId());
        ParticipantId participant = new ParticipantId(participantId);
        EventContext context = contexts.next(unit, participant);
        commands.sendAndWait(new StartSupportEpisode(
                SupportHistoryId.of(unit.municipality(), participant),
                context,
                episodeId,
                request.startedOn(),
                request.model(),
                request.plannedContactsPerMonth()));
        return ResponseEntity.created(URI.create("/api/v1/support-episodes/" + episodeId.value()))
                .body(new RecordedResponse(context.eventId(), participantId, episodeId.value(), null, null));
    }

    @PostMapping(path = "/support-episodes/{episodeId}/offers", consumes = "application/json")
    @Operation(summary = "Offer a kind of support within an episode")
    ResponseEntity<RecordedResponse> offer(
            @PathVariable UUID episodeId, @Valid @RequestBody OfferSupportRequest request, ReportingUnit unit) {
        UUID offerId = contexts.newId();
        return recordOnEpisode(
                episodeId,
                offerId,
                null,
                unit,
                (history, c) -> new OfferSupport(
                        history,
                        c,
                        new EpisodeId(episodeId),
                        new SupportOfferId(offerId),
                        request.offeredOn(),
                        request.serviceType()));
    }

    @PostMapping(path = "/support-episodes/{episodeId}/offers/{offerId}/accept", consumes = "application/json")
    @Operation(summary = "Record that the participant accepted an offer")
    ResponseEntity<RecordedResponse> accept(
            @PathVariable UUID episodeId,
            @PathVariable UUID offerId,
            @Valid @RequestBody AcceptSupportRequest request,
            ReportingUnit unit) {
        return recordOnEpisode(
                episodeId,
                offerId,
                null,
                unit,
                (history, c) -> new AcceptSupport(
                        history, c, new EpisodeId(episodeId), new SupportOfferId(offerId), request.acceptedOn()));
    }

    @PostMapping(path = "/support-episodes/{episodeId}/offers/{offerId}/decline", consumes = "application/json")
    @Operation(summary = "Record that the participant declined an offer; declining is a respected choice")
    ResponseEntity<RecordedResponse> decline(
            @PathVariable UUID episodeId,
            @PathVariable UUID offerId,
            @Valid @RequestBody DeclineSupportRequest request,
            ReportingUnit unit) {
        return recordOnEpisode(
                episodeId,
                offerId,
                null,
                unit,
                (history, c) -> new DeclineSupport(
                        history,
                        c,
                        new EpisodeId(episodeId),
                        new SupportOfferId(offerId),
                        request.declinedOn(),
                        request.reason()));
    }

    @PostMapping(path = "/support-episodes/{episodeId}/contacts", consumes = "application/json")
    @Operation(summary = "Record a support contact or a missed attempt")
    ResponseEntity<RecordedResponse> contact(
            @PathVariable UUID episodeId, @Valid @RequestBody RecordSupportContactRequest request, ReportingUnit unit) {
        UUID contactId = contexts.newId();
        return recordOnEpisode(
                episodeId,
                null,
                contactId,
                unit,
                (history, c) -> new RecordSupportContact(
                        history,
                        c,
                        new EpisodeId(episodeId),
                        contactId,
                        request.contactedOn(),
                        request.mode(),
                        request.durationMinutes(),
                        request.staffRole(),
                        request.missed()));
    }

    @PostMapping(path = "/support-episodes/{episodeId}/intensity-changes", consumes = "application/json")
    @Operation(summary = "Step an episode up or down")
    ResponseEntity<RecordedResponse> changeIntensity(
            @PathVariable UUID episodeId,
            @Valid @RequestBody ChangeSupportIntensityRequest request,
            ReportingUnit unit) {
        return recordOnEpisode(
                episodeId,
                null,
                null,
                unit,
                (history, c) -> new ChangeSupportIntensity(
                        history,
                        c,
                        new EpisodeId(episodeId),
                        request.changedOn(),
                        request.toModel(),
                        request.plannedContactsPerMonth()));
    }

    @PostMapping(path = "/support-episodes/{episodeId}/end", consumes = "application/json")
    @Operation(summary = "End a support episode")
    ResponseEntity<RecordedResponse> end(
            @PathVariable UUID episodeId, @Valid @RequestBody EndSupportEpisodeRequest request, ReportingUnit unit) {
        return recordOnEpisode(
                episodeId,
                null,
                null,
                unit,
                (history, c) -> new EndSupportEpisode(
                        history, c, new EpisodeId(episodeId), request.endedOn(), request.reason()));
    }

    @GetMapping("/support-episodes/{episodeId}")
    @AccessLogged
    @Operation(summary = "One support episode of the caller's municipality")
    EpisodeView episode(@PathVariable UUID episodeId, ReportingUnit unit) {
        EpisodeView episode = findEpisode(episodeId, unit);
        accessLog.read(unit, episode.participant());
        return episode;
    }

    @GetMapping("/participants/{participantId}/support")
    @AccessLogged
    @Operation(summary = "A participant's enrolments and support episodes in the caller's municipality")
    SupportSummary summary(
            @PathVariable @Pattern(regexp = ParticipantId.PATTERN, message = ParticipantId.PATTERN_MESSAGE)
                    String participantId,
            ReportingUnit unit) {
        accessLog.read(unit, new ParticipantId(participantId));
        return queries.query(
                        new FindSupportSummary(new ParticipantId(participantId), unit.municipality()),
                        ResponseTypes.instanceOf(SupportSummary.class))
                .join();
    }

    private ResponseEntity<RecordedResponse> recordForParticipant(
            String participantId, ReportingUnit unit, BiFunction<SupportHistoryId, EventContext, Object> command) {
        ParticipantId participant = new ParticipantId(participantId);
        EventContext context = contexts.next(unit, participant);
        commands.sendAndWait(command.apply(SupportHistoryId.of(unit.municipality(), participant), context));
        return ResponseEntity.ok(new RecordedResponse(context.eventId(), participantId, null, null, null));
    }

    private ResponseEntity<RecordedResponse> recordOnEpisode(
            UUID episodeId,
            UUID offerId,
            UUID contactId,
            ReportingUnit unit,
            BiFunction<SupportHistoryId, EventContext, Object> command) {
        EpisodeView episode = findEpisode(episodeId, unit);
        EventContext context = contexts.next(unit, episode.participant());
        commands.sendAndWait(command.apply(SupportHistoryId.of(unit.municipality(), episode.participant()), context));
        return ResponseEntity.ok(
                new RecordedResponse(context.eventId(), episode.participantId(), episodeId, offerId, contactId));
    }

    private EpisodeView findEpisode(UUID episodeId, ReportingUnit unit) {
        return queries.query(
                        new FindEpisode(new EpisodeId(episodeId), unit.municipality()),
                        ResponseTypes.optionalInstanceOf(EpisodeView.class))
                .join()
                .orElseThrow(() -> RuleViolation.unknown("episodeId", "no such support episode"));
    }
}
