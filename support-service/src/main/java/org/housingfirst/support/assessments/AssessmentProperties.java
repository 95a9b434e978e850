package org.housingfirst.support.assessments;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the operator configures for scoring: an EQ-5D-5L value set (none is shipped) and the fidelity scales as item
 * codes grouped in domains (no licensed item texts).
 */
@ConfigurationProperties("platform")
public record AssessmentProperties(Eq5d eq5d, Fidelity fidelity) {

    /** {@code valueSetId} and {@code valueSetFile} together, or neither. */
    public record Eq5d(String valueSetId, String valueSetFile) {}

    public record Fidelity(Map<String, Scale> scales) {}

    /** One scale: its version and each item code's domain. */
    public record Scale(String version, Map<String, String> items) {}
}
