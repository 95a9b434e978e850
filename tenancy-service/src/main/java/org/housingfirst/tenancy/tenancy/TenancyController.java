package org.housingfirst.tenancy.tenancy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.housingfirst.domain.AbsenceId;
import org.housingfirst.domain.EventContext;
import org.housingfirst.domain.HousingOfferId;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.domain.RuleViolation;
import org.housingfirst.domain.TenancyId;
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
@Tag(name = "tenancies", description = "Housing offers, tenancies, risks, temporary absences and endings")
@SecurityRequirement(name = "bearer")
class TenancyController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final IdentityVault vault;
    private final EventContexts contexts;
    private final AccessLog accessLog;

    TenancyController(
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

    @PostMapping(path = "/housing-offers", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that a dwelling was offered")
    ResponseEntity<RecordedResponse> offerHousing(@Valid @RequestBody OfferHousingRequest request, ReportingUnit unit) {
        ParticipantId participantId = vault.participantOf(request.participant(), unit.reportingOrganisation());
        EventContext context = contexts.next(unit, participantId);
        HousingOfferId offerId = new HousingOfferId(contexts.newId());
        commands.sendAndWait(new OfferHousing(
                HousingHistoryId.of(unit.municipality(), participantId),
                context,
                offerId,
                request.offeredOn(),
                request.housingType(),
                request.landlordType()));
        return created(
                "/api/v1/housing-offers/" + offerId.value(),
                new RecordedResponse(
                        context.eventId(), participantId.value(), offerId.value(), null, null, context.recordedAt()));
    }

    @PostMapping(path = "/housing-offers/{offerId}/decline", consumes = "application/json")
    @Operation(summary = "Record that the participant declined an offer")
    ResponseEntity<RecordedResponse> declineHousingOffer(
            @PathVariable UUID offerId, @Valid @RequestBody DeclineHousingOfferRequest request, ReportingUnit unit) {
        HousingOfferView offer = queries.query(
                        new FindHousingOffer(new HousingOfferId(offerId), unit.municipality()),
                        ResponseTypes.optionalInstanceOf(HousingOfferView.class))
                .join()
                .orElseThrow(() -> RuleViolation.unknown("offerId", "no such offer"));
        EventContext context = contexts.next(unit, offer.participant());
        commands.sendAndWait(new DeclineHousingOffer(
                offer.historyId(unit.municipality()),
                context,
                new HousingOfferId(offerId),
                request.declinedOn(),
                request.reason()));
        return ResponseEntity.ok(new RecordedResponse(
                context.eventId(), offer.participantId(), offerId, null, null, context.recordedAt()));
    }

    @PostMapping(path = "/tenancies", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that the participant moved in; milestones already passed are emitted at once")
    ResponseEntity<RecordedResponse> startTenancy(@Valid @RequestBody StartTenancyRequest request, ReportingUnit unit) {
        ParticipantId participantId = vault.participantOf(request.participant(), unit.reportingOrganisation());
        EventContext context = contexts.next(unit, participantId);
        TenancyId tenancyId = new TenancyId(contexts.newId());
        commands.sendAndWait(new StartTenancy(
                HousingHistoryId.of(unit.municipality(), participantId),
                context,
                tenancyId,
                request.offerId() == null ? null : new HousingOfferId(request.offerId()),
                request.moveInDate(),
                request.contractType(),
                request.securityOfTenure(),
                request.leaseHolder(),
                request.housingType(),
                request.landlordType(),
                request.rehousing(),
                request.previousTenancyId() == null ? null : new TenancyId(request.previousTenancyId())));
        return created(
                "/api/v1/tenancies/" + tenancyId.value(),
                new RecordedResponse(
                        context.eventId(), participantId.value(), null, tenancyId.value(), null, context.recordedAt()));
    }

    @PostMapping(path = "/tenancies/{tenancyId}/contract-conversions", consumes = "application/json")
    @Operation(summary = "Record that an active tenancy's contract changed")
    ResponseEntity<RecordedResponse> convertContract(
            @PathVariable UUID tenancyId,
            @Valid @RequestBody ConvertTenancyContractRequest request,
            ReportingUnit unit) {
        return recordOnTenancy(
                tenancyId,
                null,
                unit,
                (history, context) -> new ConvertTenancyContract(
                        history,
                        context,
                        new TenancyId(tenancyId),
                        request.convertedOn(),
                        request.toContractType(),
                        request.securityOfTenure(),
                        request.leaseHolder()));
    }

    @PostMapping(path = "/tenancies/{tenancyId}/risks", consumes = "application/json")
    @Operation(summary = "Record a threat to an active tenancy")
    ResponseEntity<RecordedResponse> registerRisk(
            @PathVariable UUID tenancyId, @Valid @RequestBody RegisterTenancyRiskRequest request, ReportingUnit unit) {
        return recordOnTenancy(
                tenancyId,
                null,
                unit,
                (history, context) -> new RegisterTenancyRisk(
                        history, context, new TenancyId(tenancyId), request.registeredOn(), request.riskType()));
    }

    @PostMapping(path = "/tenancies/{tenancyId}/absences", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that the participant is temporarily away; the tenancy is kept")
    ResponseEntity<RecordedResponse> startAbsence(
            @PathVariable UUID tenancyId,
            @Valid @RequestBody StartTemporaryAbsenceRequest request,
            ReportingUnit unit) {
        TenancyView tenancy = tenancy(tenancyId, unit);
        EventContext context = contexts.next(unit, tenancy.participant());
        AbsenceId absenceId = new AbsenceId(contexts.newId());
        commands.sendAndWait(new StartTemporaryAbsence(
                historyOf(tenancy, unit),
                context,
                new TenancyId(tenancyId),
                absenceId,
                request.startedOn(),
                request.absenceType()));
        return created(
                "/api/v1/tenancies/" + tenancyId,
                new RecordedResponse(
                        context.eventId(),
                        tenancy.participantId(),
                        null,
                        tenancyId,
                        absenceId.value(),
                        context.recordedAt()));
    }

    @PostMapping(path = "/tenancies/{tenancyId}/absences/{absenceId}/end", consumes = "application/json")
    @Operation(summary = "Record that the participant is back")
    ResponseEntity<RecordedResponse> endAbsence(
            @PathVariable UUID tenancyId,
            @PathVariable UUID absenceId,
            @Valid @RequestBody EndTemporaryAbsenceRequest request,
            ReportingUnit unit) {
        return recordOnTenancy(
                tenancyId,
                absenceId,
                unit,
                (history, context) -> new EndTemporaryAbsence(
                        history, context, new TenancyId(tenancyId), new AbsenceId(absenceId), request.endedOn()));
    }

    @PostMapping(path = "/tenancies/{tenancyId}/end", consumes = "application/json")
    @Operation(summary = "Record that a tenancy ended")
    ResponseEntity<RecordedResponse> endTenancy(
            @PathVariable UUID tenancyId, @Valid @RequestBody EndTenancyRequest request, ReportingUnit unit) {
        return recordOnTenancy(
                tenancyId,
                null,
                unit,
                (history, context) -> new EndTenancy(
                        history,
                        context,
                        new TenancyId(tenancyId),
                        request.endDate(),
                        request.endReason(),
                        request.destinationCategory(),
                        request.initiatedBy()));
    }

    @PostMapping(path = "/tenancies/{tenancyId}/corrections", consumes = "application/json")
    @Operation(
            summary = "Correct a recorded tenancy: its start facts, and its end once it has ended",
            description = "Restates what was recorded wrongly. From the correction's recording time, every figure uses"
                    + " the corrected facts; a figure asked as known before it (knownAt) still sees the earlier ones."
                    + " A tenancy whose contract was converted cannot be corrected.")
    ResponseEntity<RecordedResponse> correctTenancy(
            @PathVariable UUID tenancyId, @Valid @RequestBody CorrectTenancyRequest request, ReportingUnit unit) {
        EndTenancyRequest end = request.end();
        return recordOnTenancy(
                tenancyId,
                null,
                unit,
                (history, context) -> new CorrectTenancy(
                        history,
                        context,
                        new TenancyId(tenancyId),
                        request.moveInDate(),
                        request.contractType(),
                        request.securityOfTenure(),
                        request.leaseHolder(),
                        request.housingType(),
                        request.landlordType(),
                        request.rehousing(),
                        end == null
                                ? null
                                : new CorrectTenancy.End(
                                        end.endDate(), end.endReason(), end.destinationCategory(), end.initiatedBy())));
    }

    @GetMapping("/tenancies/{tenancyId}")
    @AccessLogged
    @Operation(summary = "One tenancy of the caller's municipality")
    TenancyView getTenancy(@PathVariable UUID tenancyId, ReportingUnit unit) {
        TenancyView tenancy = tenancy(tenancyId, unit);
        accessLog.read(unit, tenancy.participant());
        return tenancy;
    }

    @GetMapping("/participants/{participantId}/tenancies")
    @AccessLogged
    @Operation(summary = "A participant's tenancies in the caller's municipality, by participant id")
    List<TenancyView> participantTenancies(
            @Parameter(description = "the participant's id, as returned by a POST or a lookup")
                    @PathVariable
                    @Pattern(regexp = ParticipantId.PATTERN, message = ParticipantId.PATTERN_MESSAGE)
                    String participantId,
            ReportingUnit unit) {
        ParticipantId participant = new ParticipantId(participantId);
        accessLog.read(unit, participant);
        return tenancies(participant, unit);
    }

    @PostMapping(path = "/participant-lookups", consumes = "application/json")
    @AccessLogged
    @Operation(
            summary = "The id and tenancies of a participant named by identity number; nothing is stored",
            description = "404 when the platform knows no participant by this identity: a lookup links no one.")
    ParticipantLookupResponse lookUpParticipant(
            @Valid @RequestBody ParticipantLookupRequest request, ReportingUnit unit) {
        ParticipantId participantId = vault.requireKnown(request.participant(), unit.reportingOrganisation());
        accessLog.read(unit, participantId);
        return new ParticipantLookupResponse(participantId.value(), tenancies(participantId, unit));
    }

    /** Sends a command about one of the caller's tenancies, built from its housing history and a new event context. */
    private ResponseEntity<RecordedResponse> recordOnTenancy(
            UUID tenancyId,
            UUID absenceId,
            ReportingUnit unit,
            BiFunction<HousingHistoryId, EventContext, Object> command) {
        TenancyView tenancy = tenancy(tenancyId, unit);
        EventContext context = contexts.next(unit, tenancy.participant());
        commands.sendAndWait(command.apply(historyOf(tenancy, unit), context));
        return ResponseEntity.ok(new RecordedResponse(
                context.eventId(), tenancy.participantId(), null, tenancyId, absenceId, context.recordedAt()));
    }

    private TenancyView tenancy(UUID tenancyId, ReportingUnit unit) {
        return queries.query(
                        new FindTenancy(new TenancyId(tenancyId), unit.municipality()),
                        ResponseTypes.optionalInstanceOf(TenancyView.class))
                .join()
                .orElseThrow(() -> RuleViolation.unknown("tenancyId", "no such tenancy"));
    }

    private List<TenancyView> tenancies(ParticipantId participantId, ReportingUnit unit) {
        return queries.query(
                        new ListParticipantTenancies(participantId, unit.municipality()),
                        ResponseTypes.multipleInstancesOf(TenancyView.class))
                .join();
    }

    private static HousingHistoryId historyOf(TenancyView tenancy, ReportingUnit unit) {
        return HousingHistoryId.of(unit.municipality(), tenancy.participant());
    }

    private static ResponseEntity<RecordedResponse> created(String location, RecordedResponse body) {
        return ResponseEntity.created(URI.create(location)).body(body);
    }
}
