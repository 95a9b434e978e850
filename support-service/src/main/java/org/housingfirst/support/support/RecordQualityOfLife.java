package org.housingfirst.support.support;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.housingfirst.contracts.support.AssessmentTimepoint;
import org.housingfirst.contracts.support.QualityOfLifeInstrument;
import org.housingfirst.domain.EventContext;
import org.housingfirst.support.scoring.Scores;

/** Record a scored quality-of-life assessment; the answers are stored by the caller, never in the event. */
public record RecordQualityOfLife(
        @TargetAggregateIdentifier SupportHistoryId historyId,
        EventContext context,
        UUID assessmentId,
        LocalDate assessedOn,
        QualityOfLifeInstrument instrument,
        String instrumentVersion,
        AssessmentTimepoint timepoint,
        Scores scores) {}
