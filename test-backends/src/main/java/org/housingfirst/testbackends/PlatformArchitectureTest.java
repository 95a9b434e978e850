package org.housingfirst.testbackends;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The architecture rules as tests; a service's {@code ArchitectureTest} extends this class and adds nothing. */
public abstract class PlatformArchitectureTest {

    private static final JavaClasses CLASSES = ArchitectureRules.platformClasses();

    @Test
    void aggregatesDoNotUseSpring() {
        ArchitectureRules.AGGREGATES_DO_NOT_USE_SPRING.check(CLASSES);
    }

    @Test
    void aggregatesNeitherReadTheClockNorMakeRandomIds() {
        ArchitectureRules.AGGREGATES_NEITHER_READ_THE_CLOCK_NOR_MAKE_RANDOM_IDS.check(CLASSES);
    }

    @Test
    void controllersNeverTouchRepositoriesOrTheDatabase() {
        ArchitectureRules.CONTROLLERS_NEVER_TOUCH_REPOSITORIES_OR_THE_DATABASE.check(CLASSES);
    }

    @Test
    void theDomainDoesNotDependOnTheWebEdge() {
        ArchitectureRules.THE_DOMAIN_DOES_NOT_DEPEND_ON_THE_WEB_EDGE.check(CLASSES);
        ArchitectureRules.THE_DOMAIN_KERNEL_IS_PLAIN_JAVA.check(CLASSES);
    }

    @Test
    void theDomainUsesTypedIds() {
        ArchitectureRules.THE_DOMAIN_USES_TYPED_IDS.check(CLASSES);
    }

    @Test
    void packagesHaveNoCyclesInTheServiceOrTheModulesItUses() {
        ArchitectureRules.PACKAGES_HAVE_NO_CYCLES.check(CLASSES);
    }
}
