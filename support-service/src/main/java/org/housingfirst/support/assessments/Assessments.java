package org.housingfirst.support.assessments;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.housingfirst.contracts.support.FidelityAssessed;
import org.housingfirst.domain.BusinessDates;
import org.housingfirst.domain.EventContext;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.domain.RuleViolation;
import org.housingfirst.edge.security.EventContexts;
import org.housingfirst.edge.security.ReportingUnit;
import org.housingfirst.support.scoring.Eq5d5l;
import org.housingfirst.support.scoring.Fidelity;
import org.housingfirst.support.scoring.FidelityScale;
import org.housingfirst.support.scoring.InvalidAnswersException;
import org.housingfirst.support.scoring.Mansa;
import org.housingfirst.support.scoring.Scores;
import org.housingfirst.support.scoring.WhoqolBref;
import org.housingfirst.support.support.RecordQualityOfLife;
import org.housingfirst.support.support.SupportHistoryId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores assessments and records them. For quality of life, the event and the stored answers commit in one
 * transaction; the answers never leave this service. Fidelity is about a programme, so its event is published without
 * an aggregate.
 */
@Component
class Assessments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CommandGateway commands;
    private final EventGateway events;
    private final EventContexts contexts;
    private final JdbcClient jdbc;
    private final AssessmentConfiguration.ScoringSetup setup;
    private final BusinessDates dates;

    Assessments(
            CommandGateway commands,
            EventGateway events,
            EventContexts contexts,
            JdbcClient jdbc,
            AssessmentConfiguration.ScoringSetup setup,
            BusinessDates dates) {
        this.commands = commands;
        this.events = events;
        this.contexts = contexts;
        this.jdbc = jdbc;
        this.setup = setup;
        this.dates = dates;
    }

    @Transactional
    AssessmentResponse recordQualityOfLife(String participantId, QualityOfLifeRequest request, ReportingUnit unit) {
        Scores scores = scored(() -> switch (request.instrument()) {
            case WHOQOL_BREF -> WhoqolBref.score(request.answers());
            case MANSA -> Mansa.score(request.answers());
            case EQ_5D_5L -> Eq5d5l.score(request.answers(), setup.valueSet());
        });
        ParticipantId participant = new ParticipantId(participantId);
        EventContext context = contexts.next(unit, participant);
        UUID assessmentId = contexts.newId();
        commands.sendAndWait(new RecordQualityOfLife(
                SupportHistoryId.of(unit.municipality(), participant),
                context,
                assessmentId,
                request.assessedOn(),
                request.instrument(),
                request.instrumentVersion(),
                request.timepoint(),
                scores));
        jdbc.sql("""
                INSERT INTO assessment_answers (assessment_id, participant_id, country, municipality_code, instrument,
                    answers, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(
                        assessmentId,
                        participantId,
                        unit.municipality().country(),
                        unit.municipality().code(),
                        request.instrument().name(),
                        JSON.writeValueAsString(new LinkedHashMap<>(request.answers())),
                        Timestamp.from(context.recordedAt()))
                .update();
        return new AssessmentResponse(
                context.eventId(),
                participantId,
                null,
                assessmentId,
                scores.values(),
                scores.healthProfile(),
                scores.valueSetId(),
                scores.missingItems());
    }

    @Transactional
    AssessmentResponse recordFidelity(String programmeId, FidelityAssessmentRequest request, ReportingUnit unit) {
        dates.check(request.assessedOn(), "assessedOn");
        FidelityScale scale = setup.fidelityScales().get(request.scale().name());
        if (scale == null) {
            throw RuleViolation.invalid("scale", "is not configured on this platform");
        }
        if (!scale.version().equals(request.scaleVersion())) {
            throw RuleViolation.invalid("scaleVersion", "the configured version of this scale is " + scale.version());
        }
        Fidelity.Result result = scored(() -> Fidelity.score(scale, request.itemScores()));
        EventContext context = contexts.next(unit, null);
        UUID assessmentId = contexts.newId();
        events.publish(new FidelityAssessed(
                context.eventId(),
                context.reportingOrganisation(),
                context.municipality(),
                request.assessedOn(),
                context.recordedAt(),
                programmeId,
                assessmentId,
                request.scale(),
                request.scaleVersion(),
                request.assessorType(),
                result.itemScores(),
                result.domainMeans(),
                result.total(),
                result.percentOfMaximum()));
        Map<String, Number> scores = new LinkedHashMap<>(result.domainMeans());
        scores.put("total", result.total());
        scores.put("percent_of_maximum", result.percentOfMaximum());
        return new AssessmentResponse(context.eventId(), null, programmeId, assessmentId, scores, null, null, null);
    }

    private interface Scoring<T> {
        T score();
    }

    private static <T> T scored(Scoring<T> scoring) {
        try {
            return scoring.score();
        } catch (InvalidAnswersException e) {
            throw RuleViolation.invalid(e.field(), e.getMessage());
        }
    }
}
