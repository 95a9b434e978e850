package org.housingfirst.outcomes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.housingfirst.testbackends.ArchitectureRules;
import org.housingfirst.testbackends.PlatformArchitectureTest;
import org.junit.jupiter.api.Test;

/** The platform's architecture rules, and outcomes-service's own: pure metric functions, a one-way query side. */
class ArchitectureTest extends PlatformArchitectureTest {

    private static final JavaClasses CLASSES = ArchitectureRules.platformClasses();
    private static final String[] METRIC_FUNCTIONS = {
        "org.housingfirst.outcomes.retention..",
        "org.housingfirst.outcomes.pathways..",
        "org.housingfirst.outcomes.engagement..",
        "org.housingfirst.outcomes.qualityoflife..",
        "org.housingfirst.outcomes.contracts.."
    };

    @Test
    void metricFunctionsUseNeitherSpringNorTheDatabaseNorTheProjections() {
        noClasses()
                .that()
                .resideInAnyPackage(METRIC_FUNCTIONS)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "java.sql..",
                        "javax.sql..",
                        "tools.jackson..",
                        "org.housingfirst.outcomes.projection..",
                        "org.housingfirst.outcomes.consumption..")
                .check(CLASSES);
    }

    @Test
    void disclosureControlIsAPureFunctionOfTheCube() {
        noClasses()
                .that()
                .haveSimpleNameStartingWith("DisclosureControl")
                .or()
                .haveSimpleNameStartingWith("Derivability")
                .or()
                .haveSimpleNameStartingWith("RateCube")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "java.sql..", "org.housingfirst.outcomes.projection..")
                .check(CLASSES);
    }

    @Test
    void theQuerySideNeverReachesIntoConsumption() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.housingfirst.outcomes.metrics..",
                        "org.housingfirst.outcomes.statistics..",
                        "org.housingfirst.outcomes.figures..",
                        "org.housingfirst.outcomes.projection..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.housingfirst.outcomes.consumption..")
                .check(CLASSES);
    }

    @Test
    void onlyTheConsumerReadsTheTopicsJson() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "org.housingfirst.outcomes.consumption..", "org.housingfirst.outcomes.statistics..")
                .and()
                .resideInAPackage("org.housingfirst.outcomes..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("tools.jackson.databind.JsonNode")
                .check(CLASSES);
    }
}
