package io.nohold.customer;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The value, if any, is the ISO 639-1 code of a {@link Language} NoHold writes in. An empty text counts as none. */
@Documented
@Constraint(validatedBy = LanguageCode.Check.class)
@Target({ FIELD, PARAMETER })
@Retention(RUNTIME)
public @interface LanguageCode {

    String message() default "must be the ISO 639-1 code of a language NoHold writes to customers in";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<LanguageCode, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isEmpty() || Language.parse(value).isPresent()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of: " + Language.accepted() + " (ISO 639-1), or left out")
                .addConstraintViolation();
            return false;
        }

    }

}
