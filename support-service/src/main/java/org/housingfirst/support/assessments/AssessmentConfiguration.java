package org.housingfirst.support.assessments;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.housingfirst.support.scoring.Eq5d5lValueSet;
import org.housingfirst.support.scoring.FidelityScale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads the configured EQ-5D-5L value set, and the shipped and configured fidelity scales, once at start-up. */
@Configuration
class AssessmentConfiguration {

    @Bean
    ScoringSetup scoringSetup(AssessmentProperties properties) {
        AssessmentProperties.Eq5d eq5d = properties.eq5d();
        Optional<Eq5d5lValueSet> valueSet = Optional.empty();
        if (eq5d != null && eq5d.valueSetFile() != null && !eq5d.valueSetFile().isBlank()) {
            valueSet = Optional.of(Eq5d5lValueSet.read(eq5d.valueSetId(), Path.of(eq5d.valueSetFile())));
        }
        // the shipped scales, each replaced whole by an operator's scale of the same id
        Map<String, FidelityScale> scales = new HashMap<>(FidelityScale.shipped());
        if (properties.fidelity() != null && properties.fidelity().scales() != null) {
            properties
                    .fidelity()
                    .scales()
                    .forEach((id, scale) -> scales.put(id, new FidelityScale(id, scale.version(), scale.items())));
        }
        return new ScoringSetup(valueSet, Map.copyOf(scales));
    }

    /** The value set, if any, and the fidelity scales by id. */
    record ScoringSetup(Optional<Eq5d5lValueSet> valueSet, Map<String, FidelityScale> fidelityScales) {}
}
