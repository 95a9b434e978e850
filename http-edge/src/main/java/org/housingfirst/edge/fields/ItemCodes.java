package org.housingfirst.edge.fields;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A map keyed by an instrument's or a scale's item codes, e.g. {@code Q1}, {@code S12}, {@code VAS}, {@code HP1}: 1–20
 * letters, digits, dots, hyphens and underscores, starting with a letter or digit, with at most six digits. A key of another shape is refused with the map's name, never with the key, which could hold
 * anything.
 */
@Documented
@Constraint(validatedBy = ItemCodes.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ItemCodes {

    String PATTERN = "(?=[A-Za-z0-9])(?!(?:[^0-9]*[0-9]){7})[A-Za-z0-9._-]{1,20}";

    String message() default
            "keys must be item codes such as Q1: 1-20 letters, digits, dots, hyphens and underscores, with at most six"
                    + " digits";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the keys; a null map is for {@code @NotNull} to refuse. */
    final class Validator implements ConstraintValidator<ItemCodes, Map<String, ?>> {
        private static final Pattern CODE = Pattern.compile(PATTERN);

        @Override
        public boolean isValid(Map<String, ?> value, ConstraintValidatorContext context) {
            return value == null
                    || value.keySet().stream().allMatch(key -> CODE.matcher(key).matches());
        }
    }
}
