package io.nohold.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.nohold.casefile.Channel;
import io.nohold.customer.ContactKeys;
import io.nohold.customer.CustomerDetails;
import io.nohold.web.FieldProblem;

/** Says every field of a contact that cannot be accepted, and what would be. */
final class ContactRequestValidator {

    static final int MESSAGE_LIMIT = 20_000;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private static final Pattern CASE_NUMBER = Pattern.compile("^NH-\\d{6,}$");

    private static final Pattern COUNTRY = Pattern.compile("^[A-Za-z]{2}$");

    private ContactRequestValidator() {
    }

    static List<FieldProblem> problems(ContactRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request == null) {
            problems.add(new FieldProblem("body", "is required: a JSON object describing the contact"));
            return problems;
        }
        if (request.channel() == null) {
            problems.add(new FieldProblem("channel", "is required; one of " + Channel.accepted()));
        }
        else if (Channel.parse(request.channel()).isEmpty()) {
            problems.add(new FieldProblem("channel", "must be one of " + Channel.accepted()));
        }
        text(problems, "externalId", request.externalId(), true, 200, "the channel's own id of this contact");
        text(problems, "subject", request.subject(), false, 300, null);
        text(problems, "message", request.message(), true, MESSAGE_LIMIT, "what the customer said");
        if (request.caseNumber() != null && !CASE_NUMBER.matcher(request.caseNumber().trim()).matches()) {
            problems.add(new FieldProblem("caseNumber", "must be a case number like NH-001001, or left out"));
        }
        CustomerDetails customer = request.customer();
        if (customer == null) {
            problems.add(new FieldProblem("customer", "is required: an object with at least one of id, email, phone"));
            return problems;
        }
        if (blank(customer.id()) && blank(customer.email()) && blank(customer.phone())) {
            problems.add(new FieldProblem("customer", "needs at least one of id, email, phone"));
        }
        text(problems, "customer.id", customer.id(), false, 64, null);
        text(problems, "customer.name", customer.name(), false, 200, null);
        text(problems, "customer.postalCode", customer.postalCode(), false, 20, null);
        if (!blank(customer.email()) && (customer.email().length() > 320 || !EMAIL.matcher(customer.email().trim()).matches())) {
            problems.add(new FieldProblem("customer.email", "must be an e-mail address like maria@example.com"));
        }
        if (!blank(customer.phone())) {
            String key = ContactKeys.phone(customer.phone());
            if (customer.phone().length() > 40 || key == null || key.replace("+", "").length() < 5) {
                problems.add(new FieldProblem("customer.phone", "must be a phone number with at least 5 digits, like +49 40 1234567"));
            }
        }
        if (!blank(customer.country()) && !COUNTRY.matcher(customer.country().trim()).matches()) {
            problems.add(new FieldProblem("customer.country", "must be a two-letter ISO 3166 country code, like DE"));
        }
        return problems;
    }

    private static void text(List<FieldProblem> problems, String field, String value, boolean required, int limit,
            String what) {
        if (blank(value)) {
            if (required) {
                problems.add(new FieldProblem(field, "is required: " + what));
            }
        }
        else if (value.length() > limit) {
            problems.add(new FieldProblem(field, "must be at most " + limit + " characters"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

}
