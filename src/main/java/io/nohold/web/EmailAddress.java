package io.nohold.web;

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

/**
 * The value, if any, is an e-mail address a mail server delivers to ({@link TextRules#emailAddress}); stricter than
 * Hibernate's {@code @Email}, which takes {@code a@example..com}-like hosts, single-label hosts and quoted local parts.
 * An empty text counts as no address.
 */
@Documented
@Constraint(validatedBy = EmailAddress.Check.class)
@Target({ FIELD, PARAMETER })
@Retention(RUNTIME)
public @interface EmailAddress {

    String message() default "must be an e-mail address like maria@example.com: no spaces, quotes or double dots, "
            + "and a domain that ends in a top-level label such as .com; at most 254 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<EmailAddress, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isEmpty() || TextRules.emailAddress(value);
        }

    }

}
