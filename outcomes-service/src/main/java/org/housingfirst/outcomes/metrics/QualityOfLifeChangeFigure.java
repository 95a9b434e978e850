package org.housingfirst.outcomes.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.housingfirst.contracts.support.AssessmentTimepoint;
import org.housingfirst.contracts.support.QualityOfLifeInstrument;
import org.housingfirst.outcomes.qualityoflife.QualityOfLifeChanges;

/** Quality-of-life change of every score of an instrument, per version and value set. */
record QualityOfLifeChangeFigure(
        String country,
        String municipalityCode,
        LocalDate asOf,
        Instant knownAt,
        QualityOfLifeInstrument instrument,
        AssessmentTimepoint followUp,
        String definitionVersion,
        List<QualityOfLifeChanges.ScoreChange> changes) {}
