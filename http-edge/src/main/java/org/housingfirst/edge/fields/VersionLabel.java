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

/**
 * The version of an instrument or scale, e.g. {@code WHOQOL-BREF-SV-1998}: 1–40 letters, digits, dots, hyphens and
 * underscores, starting with a letter or digit, at most six digits.
 */
@Documented
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@ReportAsSingleViolation
@NotNull
@Pattern(regexp = VersionLabel.PATTERN)
public @interface VersionLabel {

    String PATTERN = "(?=[A-Za-z0-9])(?!(?:[^0-9]*[0-9]){7})[A-Za-z0-9._-]{1,40}";

    String message() default
            "must be 1-40 letters, digits, dots, hyphens and underscores, starting with a letter or digit, with at"
                    + " most six digits";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
