package org.housingfirst.tenancy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.housingfirst");

    @Test
    void aggregatesDoNotUseSpring() {
        noClasses()
                .that()
                .areAnnotatedWith(Aggregate.class)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .check(CLASSES);
    }

    @Test
    void aggregatesNeitherReadTheClockNorMakeRandomIds() {
        noClasses()
                .that()
                .areAnnotatedWith(Aggregate.class)
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(UUID.class, "randomUUID")
                .check(CLASSES);
    }

    @Test
    void controllersNeverTouchRepositoriesOrTheDatabase() {
        noClasses()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Repository")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Projection")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
                .check(CLASSES);
    }

    @Test
    void packagesHaveNoCyclesInTheServiceOrTheModulesItUses() {
        slices().matching("org.housingfirst.tenancy.(**)")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }
}
