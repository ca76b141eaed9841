package io.nohold.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.nohold.customer.CustomerDetails;
import io.nohold.web.FieldProblem;
import org.junit.jupiter.api.Test;

/** Every field of a contact that cannot be accepted is named, with what would be. */
class ContactRequestValidatorTests {

    static final CustomerDetails MARIA = new CustomerDetails(null, "Maria Lopez", "maria@example.com", null, null, null);

    static ContactRequest contact(String channel, CustomerDetails customer, String message, String caseNumber) {
        return new ContactRequest(channel, "ext-1", customer, "Broken lamp", message, false, false, caseNumber);
    }

    static List<String> fields(ContactRequest request) {
        return ContactRequestValidator.problems(request).stream().map(FieldProblem::field).toList();
    }

    @Test
    void aCompleteContactHasNoProblems() {
        assertThat(ContactRequestValidator.problems(contact("PHONE", MARIA, "It arrived broken.", "NH-001001"))).isEmpty();
    }

    @Test
    void everyMissingOrUnknownFieldIsNamedAtOnce() {
        assertThat(fields(new ContactRequest(null, " ", null, null, null, null, null, null)))
            .containsExactly("channel", "externalId", "message", "customer");
        assertThat(fields(contact("FAX", MARIA, "hello", null))).containsExactly("channel");
    }

    @Test
    void aCustomerNeedsAnIdAnEmailOrAPhone() {
        assertThat(fields(contact("EMAIL", new CustomerDetails(null, "Nameless", null, null, null, null), "hi", null)))
            .containsExactly("customer");
    }

    @Test
    void malformedEmailPhoneCountryAndCaseNumberAreNamed() {
        CustomerDetails bad = new CustomerDetails(null, null, "maria.example.com", "12", null, "DEU");

        assertThat(fields(contact("EMAIL", bad, "hi", "12345"))).containsExactly("caseNumber", "customer.email",
                "customer.phone", "customer.country");
    }

    @Test
    void aMessageOverTheLimitIsNamedWithTheLimit() {
        List<FieldProblem> problems = ContactRequestValidator
            .problems(contact("EMAIL", MARIA, "x".repeat(ContactRequestValidator.MESSAGE_LIMIT + 1), null));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("message");
            assertThat(problem.message()).contains(String.valueOf(ContactRequestValidator.MESSAGE_LIMIT));
        });
    }

}
