package io.nohold.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import io.nohold.customer.CustomerDetails;
import org.junit.jupiter.api.Test;

/** Every field of a contact that cannot be accepted is named, with what would be (Bean Validation, no application). */
class ContactRequestConstraintsTests {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static final CustomerDetails MARIA = new CustomerDetails(null, "Maria Lopez", "maria@example.com", null, null, null);

    static ContactRequest contact(String channel, CustomerDetails customer, String message, String caseNumber) {
        return new ContactRequest(channel, "ext-1", customer, "Broken lamp", message, false, false, caseNumber);
    }

    static Set<ConstraintViolation<ContactRequest>> problems(ContactRequest request) {
        return VALIDATOR.validate(request);
    }

    static List<String> fields(ContactRequest request) {
        return problems(request).stream().map(v -> v.getPropertyPath().toString()).sorted().toList();
    }

    @Test
    void aCompleteContactHasNoProblems() {
        assertThat(problems(contact("PHONE", MARIA, "It arrived broken.", "NH-001001"))).isEmpty();
        assertThat(problems(contact("PHONE", new CustomerDetails(null, "Jo", null, "040 1234567", null, "de"),
                "Line one\n\tline two\r\n", null))).as("national number with a lower-case country; a message of lines")
            .isEmpty();
    }

    @Test
    void everyMissingOrUnknownFieldIsNamedAtOnce() {
        assertThat(fields(new ContactRequest(null, " ", null, null, null, null, null, null)))
            .containsExactly("channel", "customer", "externalId", "message");
        assertThat(fields(contact("FAX", MARIA, "hello", null))).containsExactly("channel");
        assertThat(problems(contact("FAX", MARIA, "hello", null))).singleElement()
            .satisfies(v -> assertThat(v.getMessage()).contains("PHONE", "CHAT", "EMAIL", "WEB", "SOCIAL"));
    }

    @Test
    void aCustomerNeedsAnIdAnEmailOrAPhone() {
        assertThat(fields(contact("EMAIL", new CustomerDetails(null, "Nameless", null, null, null, null), "hi", null)))
            .containsExactly("customer");
    }

    @Test
    void malformedEmailPhoneCountryAndCaseNumberAreNamed() {
        CustomerDetails bad = new CustomerDetails(null, null, "maria.example.com", "12", null, "DEU");

        assertThat(fields(contact("EMAIL", bad, "hi", "12345"))).containsExactly("caseNumber", "customer.country",
                "customer.email", "customer.phone");
    }

    @Test
    void controlCharactersAreRefusedInOneLineTextsAndTheMessageTakesLinesAndTabsOnly() {
        CustomerDetails nul = new CustomerDetails("C-1\u0000", "Ma\u0000ria", "maria@example.com", null, "200\u001b95", null);
        ContactRequest request = new ContactRequest("EMAIL", "ext\n1", nul, "Broken\rlamp", "bell\u0007", false, false, null);

        assertThat(fields(request)).containsExactly("customer.id", "customer.name", "customer.postalCode", "externalId",
                "message", "subject");
        assertThat(fields(contact("EMAIL", MARIA, "a half character \ud800 here", null))).containsExactly("message");
        assertThat(fields(contact("EMAIL", MARIA, "line\u2028separator", null))).containsExactly("message");
    }

    @Test
    void aNationalNumberNeedsTheCountry() {
        assertThat(fields(contact("PHONE", new CustomerDetails(null, null, null, "040 1234567", null, null), "hi", null)))
            .containsExactly("customer.phone");
        assertThat(fields(contact("PHONE", new CustomerDetails(null, null, null, "+49 40 1234567", null, null), "hi", null)))
            .isEmpty();
    }

    @Test
    void aMessageOverTheLimitIsNamedWithTheLimit() {
        assertThat(problems(contact("EMAIL", MARIA, "x".repeat(ContactRequest.MESSAGE_LIMIT + 1), null)))
            .singleElement()
            .satisfies(problem -> {
                assertThat(problem.getPropertyPath()).hasToString("message");
                assertThat(problem.getMessage()).contains(String.valueOf(ContactRequest.MESSAGE_LIMIT));
            });
    }

}
