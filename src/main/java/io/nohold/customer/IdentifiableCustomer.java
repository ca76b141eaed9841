package io.nohold.customer;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The rules of {@link CustomerDetails} that span fields: at least one of id, e-mail, phone and handle identifies the customer,
 * and the phone number is one {@link PhoneNumbers} can read, national numbers with the customer's country.
 */
@Documented
@Constraint(validatedBy = IdentifiableCustomer.Check.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface IdentifiableCustomer {

    String message() default "needs at least one of id, email, phone, handle";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    String PHONE = "must be a valid phone number: international like +49 40 1234567, or national like 040 1234567 "
            + "together with customer.country; digits, spaces and + ( ) - . / only, at most " + PhoneNumbers.MAX_LENGTH
            + " characters";

    class Check implements ConstraintValidator<IdentifiableCustomer, CustomerDetails> {

        @Override
        public boolean isValid(CustomerDetails details, ConstraintValidatorContext context) {
            if (details == null) {
                return true;
            }
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            if (blank(details.id()) && blank(details.email()) && blank(details.phone()) && details.handle() == null) {
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addConstraintViolation();
                valid = false;
            }
            if (details.phone() != null && !details.phone().isEmpty()
                    && PhoneNumbers.e164(details.phone(), details.country()).isEmpty()) {
                context.buildConstraintViolationWithTemplate(PHONE).addPropertyNode("phone").addConstraintViolation();
                valid = false;
            }
            return valid;
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

    }

}
