package io.nohold.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The value is the exact name of one of the constants of {@link #value()}; the answer lists them. */
@Documented
@Constraint(validatedBy = EnumName.Check.class)
@Target({ FIELD, PARAMETER })
@Retention(RUNTIME)
public @interface EnumName {

    Class<? extends Enum<?>> value();

    /** Whether a missing value is refused too (with the same list). */
    boolean required() default false;

    String message() default "must be one of the listed values";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<EnumName, String> {

        private String names;

        private boolean required;

        @Override
        public void initialize(EnumName annotation) {
            names = Arrays.stream(annotation.value().getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            required = annotation.required();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            boolean valid = value == null ? !required : Arrays.asList(names.split(", ")).contains(value);
            if (!valid) {
                context.disableDefaultConstraintViolation();
                // enum constant names hold no message expression characters
                context.buildConstraintViolationWithTemplate((value == null ? "is required; one of " : "must be one of ") + names)
                    .addConstraintViolation();
            }
            return valid;
        }

    }

}
