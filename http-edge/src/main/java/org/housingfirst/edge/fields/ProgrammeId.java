package org.housingfirst.edge.fields;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A programme's id: 1–64 lower-case letters, digits and hyphens, starting with a letter, at most six digits. */
@Documented
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@ReportAsSingleViolation
@NotNull
@Pattern(regexp = ProgrammeId.PATTERN)
public @interface ProgrammeId {

    String PATTERN = "(?=[a-z])(?!(?:[^0-9]*[0-9]){7})[a-z0-9-]{1,64}";

    String message() default
            "must be 1-64 lower-case letters, digits and hyphens, starting with a letter, with at most six digits";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
