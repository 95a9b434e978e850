package org.housingfirst.testbackends;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The architecture rules every service's build enforces, as ArchUnit rules over the platform's classes. */
public final class ArchitectureRules {

    private static final String AGGREGATE = "org.axonframework.spring.stereotype.Aggregate";
    private static final String TARGET_AGGREGATE_IDENTIFIER =
            "org.axonframework.modelling.command.TargetAggregateIdentifier";
    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";

    public static final ArchRule AGGREGATES_DO_NOT_USE_SPRING = noClasses()
            .that()
            .areAnnotatedWith(AGGREGATE)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..")
            // a service may have no aggregate (outcomes-service only projects)
            .allowEmptyShould(true);

    public static final ArchRule AGGREGATES_NEITHER_READ_THE_CLOCK_NOR_MAKE_RANDOM_IDS = noClasses()
            .that()
            .areAnnotatedWith(AGGREGATE)
            .should()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(UUID.class, "randomUUID")
            .allowEmptyShould(true);

    public static final ArchRule CONTROLLERS_NEVER_TOUCH_REPOSITORIES_OR_THE_DATABASE = noClasses()
            .that()
            .areAnnotatedWith(REST_CONTROLLER)
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Projection")
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..");

    /** Aggregates and the commands they handle: a command names its aggregate with {@code @TargetAggregateIdentifier}. */
    private static final DescribedPredicate<JavaClass> DOMAIN = new DescribedPredicate<>("aggregates and commands") {
        @Override
        public boolean test(JavaClass type) {
            return type.isAnnotatedWith(AGGREGATE)
                    || type.getFields().stream().anyMatch(field -> field.isAnnotatedWith(TARGET_AGGREGATE_IDENTIFIER));
        }
    };

    public static final ArchRule THE_DOMAIN_DOES_NOT_DEPEND_ON_THE_WEB_EDGE = noClasses()
            .that(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.housingfirst.edge..")
            .allowEmptyShould(true);

    public static final ArchRule THE_DOMAIN_KERNEL_IS_PLAIN_JAVA = noClasses()
            .that()
            .resideInAPackage("org.housingfirst.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "org.housingfirst.edge..")
            .allowEmptyShould(true);

    /** Ids in commands and aggregates are typed ({@code org.housingfirst.domain.TenancyId} ...), never raw. */
    public static final ArchRule THE_DOMAIN_USES_TYPED_IDS = noFields()
            .that()
            .areDeclaredInClassesThat(DOMAIN)
            .and()
            .haveNameMatching("participantId|(previous)?[tT]enancyId|offerId|episodeId|absenceId|activeTenancyId")
            .should()
            .haveRawType(UUID.class)
            .orShould()
            .haveRawType(String.class)
            .allowEmptyShould(true);

    public static final ArchRule PACKAGES_HAVE_NO_CYCLES =
            slices().matching("org.housingfirst.(**)").should().beFreeOfCycles();

    private ArchitectureRules() {}

    /** The platform's production classes: the service's, the shared modules' and the contracts. */
    public static JavaClasses platformClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/test-backends/"))
                .importPackages("org.housingfirst");
    }
}
