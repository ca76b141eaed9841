package io.nohold.contact;

import static io.nohold.contact.IntakeApiTests.assertError;
import static io.nohold.contact.IntakeApiTests.contact;
import static io.nohold.contact.IntakeApiTests.newCustomer;
import static io.nohold.contact.IntakeApiTests.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.ApiClient.Response;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile input to {@code POST /api/contacts} and {@code PUT /api/reps/{id}/availability}, as an attacker or a broken
 * channel sends it: each is refused with 400, an {@code application/problem+json} answer whose {@code fields} name the
 * field and what is accepted, and nothing is stored: no contact, no case, no customer.
 */
@NoHoldTest
class StrictInputTests {

    static final String INTAKE = "intake";

    static final String HAMBURG = "20095";

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseDriver driver;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @AfterEach
    void reset() {
        driver.reset();
    }

    // JSON types: no coercion

    @Test
    void aNumberWhereTextIsExpectedIsRefused() {
        Map<String, Object> contact = contact("EMAIL", newCustomer(HAMBURG));
        contact.put("subject", 12);
        assertRefused(contact, "subject", "string");

        Map<String, Object> customer = newCustomer(HAMBURG);
        customer.put("postalCode", 20095);
        assertRefused(contact("EMAIL", customer), "customer.postalCode", "string");

        Map<String, Object> decimal = contact("EMAIL", newCustomer(HAMBURG));
        decimal.put("externalId", 1.5);
        assertRefused(decimal, "externalId", "string");
    }

    @Test
    void aBooleanWhereTextIsExpectedIsRefused() {
        Map<String, Object> contact = contact("EMAIL", newCustomer(HAMBURG));
        contact.put("message", true);
        assertRefused(contact, "message", "string");
    }

    @Test
    void textOrANumberWhereABooleanIsExpectedIsRefused() {
        Map<String, Object> text = contact("SOCIAL", newCustomer(HAMBURG));
        text.put("public", "true");
        assertRefused(text, "public", "true or false");

        Map<String, Object> number = contact("SOCIAL", newCustomer(HAMBURG));
        number.put("newTopic", 1);
        assertRefused(number, "newTopic", "true or false");
    }

    @Test
    void anObjectOrAnArrayWhereTextIsExpectedIsRefused() {
        Map<String, Object> contact = contact("EMAIL", newCustomer(HAMBURG));
        contact.put("channel", List.of("EMAIL"));
        assertRefused(contact, "channel", "string");

        Map<String, Object> nested = contact("EMAIL", newCustomer(HAMBURG));
        nested.put("message", Map.of("text", "hello"));
        assertRefused(nested, "message", "string");
    }

    // the shape of the body

    @Test
    void aKeySentTwiceIsRefusedNamingIt() {
        Map<String, Object> contact = contact("EMAIL", newCustomer(HAMBURG));
        String json = write(contact);
        // the second "channel" would win in a lenient reader
        assertRefused(json.replaceFirst("\\{", "{\"channel\": \"PHONE\", "), "channel", "once");

        String nested = json.replaceFirst("\"customer\":\\{", "\"customer\":{\"email\": \"" + uniqueEmail() + "\", ");
        assertRefused(nested, "customer.email", "once");
    }

    @Test
    void contentAfterTheObjectIsRefused() {
        String json = write(contact("EMAIL", newCustomer(HAMBURG)));
        assertRefused(json + " " + write(contact("EMAIL", newCustomer(HAMBURG))), "body", "one JSON object");
        assertRefused(json + " garbage", "body", "JSON");
        assertRefused(json + "]", "body", "JSON");
    }

    @Test
    void anUnknownFieldIsRefusedNamingItAndTheAcceptedOnes() {
        Map<String, Object> contact = contact("EMAIL", newCustomer(HAMBURG));
        contact.put("priority", "urgent");
        JsonNode problem = assertRefused(contact, "priority", "accepted");
        assertThat(message(problem, "priority")).contains("channel", "externalId", "customer", "subject", "message",
                "public", "newTopic", "caseNumber");

        Map<String, Object> customer = newCustomer(HAMBURG);
        customer.put("tier", "PREMIUM");
        JsonNode nested = assertRefused(contact("EMAIL", customer), "customer.tier", "accepted");
        assertThat(message(nested, "customer.tier")).contains("id", "name", "email", "phone", "postalCode", "country");
    }

    @Test
    void aBodyThatIsNotOneObjectIsRefused() {
        assertRefused("[]", "body", "JSON object");
        assertRefused("null", "body", "");
        assertRefused("", "body", "");
        assertRefused("\"EMAIL\"", "body", "");
    }

    // country

    @ParameterizedTest
    @ValueSource(strings = { "ZZ", "XX", "UK", "DEU", "D", " DE", "Germany" })
    void aCountryThatIsNoAssignedIsoCodeIsRefused(String country) {
        Map<String, Object> customer = newCustomer(HAMBURG);
        customer.put("country", country);
        assertRefused(contact("EMAIL", customer), "customer.country", "ISO 3166-1");
    }

    /** ISO 3166 codes are case-insensitive: {@code de} is taken and kept as {@code DE}. */
    @Test
    void aLowerCaseCountryIsTakenAndStoredInCapitals() {
        Map<String, Object> customer = newCustomer(HAMBURG);
        customer.put("country", "de");

        Response answer = api.post("/api/contacts", INTAKE, contact("EMAIL", customer));

        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        JsonNode stored = api.get("/api/customers/" + answer.json().path("customerId").asText(), INTAKE).json();
        assertThat(stored.path("country").asText()).isEqualTo("DE");
    }

    // language

    @ParameterizedTest
    @ValueSource(strings = { "fr", "english", "eng", "e", "en-GB", "deutsch", "xx" })
    void aLanguageNoHoldDoesNotWriteInIsRefusedWithTheSupportedOnes(String language) {
        Map<String, Object> customer = newCustomer(HAMBURG);
        customer.put("language", language);
        assertRefused(contact("EMAIL", customer), "customer.language", "en, de");
    }

    @Test
    void aCustomersLanguageIsStoredAndShownAndEnglishWithoutOne() {
        Map<String, Object> german = newCustomer(HAMBURG);
        german.put("language", "DE");
        Map<String, Object> silent = newCustomer(HAMBURG);

        Response de = api.post("/api/contacts", INTAKE, contact("EMAIL", german));
        Response en = api.post("/api/contacts", INTAKE, contact("EMAIL", silent));

        assertThat(de.status()).as("%s", de).isEqualTo(201);
        assertThat(en.status()).as("%s", en).isEqualTo(201);
        assertThat(api.get("/api/customers/" + de.json().path("customerId").asText(), INTAKE).json().path("language").asText())
            .isEqualTo("de");
        assertThat(api.get("/api/customers/" + en.json().path("customerId").asText(), INTAKE).json().path("language").asText())
            .isEqualTo("en");
    }

    // e-mail

    @ParameterizedTest
    @ValueSource(strings = { "a@example..com", "a@example", "maria@localhost", "a b@example.com", " a@example.com",
            "a@example.com ", "a\u0000@example.com", "a@example.com\r\nBcc: x@example.com", "\"a\"@example.com",
            "a..b@example.com", "a@-example.com", "a@[127.0.0.1]", "a@example.c0m", "a@b@example.com", "@example.com" })
    void anAddressNoMailServerTakesIsRefused(String email) {
        Map<String, Object> customer = newCustomer(HAMBURG);
        customer.put("email", email);
        assertRefused(contact("EMAIL", customer), "customer.email", "e-mail address");
    }

    // control characters

    @Test
    void controlCharactersInNamesAndSubjectsAreRefused() {
        for (String hostile : List.of("Ma\u0000ria", "Maria\u001b[2J", "Maria\nLopez", "Maria\tLopez", "Maria\u007f",
                "Maria\u2028Lopez")) {
            Map<String, Object> customer = newCustomer(HAMBURG);
            customer.put("name", hostile);
            assertRefused(contact("EMAIL", customer), "customer.name", "control characters");

            Map<String, Object> contact = contact("EMAIL", newCustomer(HAMBURG));
            contact.put("subject", hostile);
            assertRefused(contact, "subject", "control characters");
        }
        Map<String, Object> externalId = contact("EMAIL", newCustomer(HAMBURG));
        externalId.put("externalId", "ext\u0000" + UUID.randomUUID());
        assertRefused(externalId, "externalId", "control characters");
    }

    @Test
    void theMessageKeepsLinesAndTabsButNoOtherControlCharacters() {
        Map<String, Object> lines = contact("EMAIL", newCustomer(HAMBURG));
        lines.put("message", "Hello,\r\n\tthe lamp is broken.\nMaria");
        Response accepted = api.post("/api/contacts", INTAKE, lines);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(201);
        JsonNode stored = api.get("/api/contacts/" + accepted.json().path("contactId").asLong(), INTAKE).json();
        assertThat(stored.path("message").asText()).isEqualTo("Hello,\r\n\tthe lamp is broken.\nMaria");

        for (String hostile : List.of("nul\u0000", "bell\u0007", "escape\u001b[31m")) {
            Map<String, Object> contact = contact("EMAIL", newCustomer(HAMBURG));
            contact.put("message", hostile);
            assertRefused(contact, "message", "control characters");
        }
    }

    // phone

    @ParameterizedTest
    @ValueSource(strings = { "12", "+49 12", "+999 1234567", "040 1234567 ext 5", "1-800-FLOWERS", "call me",
            "+49 40 123\u00004567", "++49 40 1234567" })
    void aPhoneNumberThatIsNotValidIsRefused(String phone) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("phone", phone);
        customer.put("country", "DE");
        assertRefused(contact("PHONE", customer), "customer.phone", "phone number");
    }

    @Test
    void aNationalNumberWithoutCountryIsRefused() {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("phone", "040 1234567");
        assertRefused(contact("PHONE", customer), "customer.phone", "customer.country");
    }

    /**
     * Munich's national {@code 089 …} with country DE is the customer's {@code +49 89 …}: one customer, one key, and
     * routed by the phone prefix {@code +4989} to South (the default region is North, so South is the rule's doing).
     */
    @Test
    void aNationalNumberIsTheSameCustomerAndRoutesLikeTheInternationalOne() {
        String subscriber = "5" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        Map<String, Object> national = new LinkedHashMap<>();
        national.put("name", "Nat Ional");
        national.put("phone", "089 " + subscriber);
        national.put("country", "DE");
        Response first = api.post("/api/contacts", INTAKE, contact("PHONE", national));
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.json().path("region").asText()).isEqualTo("south");
        String customerId = first.json().path("customerId").asText();

        Map<String, Object> international = new LinkedHashMap<>();
        international.put("phone", "+49 89 " + subscriber);
        Map<String, Object> later = contact("CHAT", international);
        later.put("newTopic", true);
        Response second = api.post("/api/contacts", INTAKE, later);

        assertThat(second.status()).as("%s", second).isEqualTo(201);
        assertThat(second.json().path("customerId").asText()).isEqualTo(customerId);
        assertThat(second.json().path("region").asText()).isEqualTo("south");
        assertThat(second.json().path("caseNumber").asText()).isNotEqualTo(first.json().path("caseNumber").asText());
        JsonNode stored = api.get("/api/customers/" + customerId, INTAKE).json();
        assertThat(stored.path("phone").asText()).isEqualTo("+4989" + subscriber);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer WHERE phone_key = ?").param("+4989" + subscriber)
            .query(Long.class).single()).isEqualTo(1);
    }

    // customer id

    @Test
    void anUnknownCustomerIdIsRefusedAndAKnownOneIsTaken() {
        Map<String, Object> unknown = new LinkedHashMap<>();
        unknown.put("id", "CU-" + UUID.randomUUID());
        unknown.put("email", uniqueEmail());
        assertRefused(contact("EMAIL", unknown), "customer.id", "known customer");

        Response registered = api.post("/api/contacts", INTAKE, contact("EMAIL", newCustomer(HAMBURG)));
        Map<String, Object> known = new LinkedHashMap<>();
        known.put("id", registered.json().path("customerId").asText());
        Response byId = api.post("/api/contacts", INTAKE, contact("CHAT", known));
        assertThat(byId.status()).as("%s", byId).isEqualTo(201);
        assertThat(byId.json().path("customerId").asText()).isEqualTo(known.get("id"));
    }

    // files sent with a contact

    @Test
    void filesAreReadStrictlyAndARefusedOneIsNamedByItsPlaceInTheList() {
        assertRefused(withFiles(Map.of("name", "a.txt", "contentType", "text/plain", "content", "aGk=")), "attachments",
                "array");
        assertRefused(withFiles(List.of(file("a.txt", "pdf", "aGk="))), "attachments[0].contentType", "media type");
        assertRefused(withFiles(List.of(file("a.txt", "text/plain", "aGk="), file("two\nlines.txt", "text/plain", "aGk="))),
                "attachments[1].name", "line");
        assertRefused(withFiles(List.of(file("a.txt", "text/plain", "aGk="), file("b.txt", "text/plain", "*not base64*"))),
                "attachments[1].content", "base64");
        Map<String, Object> sized = new LinkedHashMap<>(file("a.txt", "text/plain", "aGk="));
        sized.put("size", 2);
        assertRefused(withFiles(List.of(sized)), "attachments[0].size", "accepted: content, contentType, name");
        Map<String, Object> numeric = new LinkedHashMap<>(file("a.txt", "text/plain", "aGk="));
        numeric.put("content", 12);
        assertRefused(withFiles(List.of(numeric)), "attachments[0].content", "string");
        List<Map<String, Object>> many = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(file("f" + i + ".txt", "text/plain", "aGk="));
        }
        assertRefused(withFiles(many), "attachments", "at most 20");
    }

    private static Map<String, Object> withFiles(Object attachments) {
        Map<String, Object> contact = contact("EMAIL", newCustomer(HAMBURG));
        contact.put("attachments", attachments);
        return contact;
    }

    private static Map<String, Object> file(String name, String contentType, String content) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("name", name);
        file.put("contentType", contentType);
        file.put("content", content);
        return file;
    }

    // the other body of the API, and query parameters

    @Test
    void theAvailabilityBodyIsReadStrictlyToo() {
        for (String body : List.of("{\"status\": \"AWAY\", \"status\": \"OFF\"}", "{\"status\": \"AWAY\", \"until\": \"tomorrow\"}",
                "{\"status\": 1}", "{\"status\": \"away\"}", "{\"status\": \"AWAY\"} {}", "{}", "{\"status\": null}")) {
            Response answer = api.put("/api/reps/dana/availability", "dana", body);
            assertError(answer, 400);
            assertThat(fields(answer.json())).as(body).containsAnyOf("status", "until", "body");
        }
        assertThat(api.get("/api/reps/dana", "dana").json().path("status").asText()).isEqualTo("AVAILABLE");
    }

    @Test
    void aLimitOutOfRangeIsRefusedNamingIt() {
        for (String limit : List.of("0", "1001", "-5")) {
            Response answer = api.get("/api/contacts?status=FAILED&limit=" + limit, INTAKE);
            assertError(answer, 400);
            assertThat(fields(answer.json())).containsExactly("limit");
            assertThat(message(answer.json(), "limit")).contains("between 1 and 1000");
        }
    }

    @Test
    void aHandleNeedsAChannelOfItsOwnAndNothingElse() {
        Map<String, Object> customer = new java.util.LinkedHashMap<>();
        customer.put("handle", Map.of("channel", "EMAIL", "handle", "@maria"));
        assertRefused(contact("SOCIAL", customer), "customer.handle.channel", "CHAT, SOCIAL");

        customer.put("handle", Map.of("channel", "SOCIAL", "handle", " "));
        assertRefused(contact("SOCIAL", customer), "customer.handle.handle", "required");

        customer.put("handle", Map.of("channel", "SOCIAL", "handle", "@maria", "network", "elsewhere"));
        JsonNode unknown = assertRefused(contact("SOCIAL", customer), "customer.handle.network", "accepted");
        assertThat(message(unknown, "customer.handle.network")).contains("channel", "handle");

        customer.put("handle", "@maria");
        assertRefused(contact("SOCIAL", customer), "customer.handle", "object");
    }

    // helpers

    /**
     * Posts the contact, expects 400 as a problem detail naming the field with a message that says what is accepted
     * (containing {@code hint}), and checks that no contact, case or customer was stored.
     */
    private JsonNode assertRefused(Object body, String field, String hint) {
        long before = rows();

        Response answer = api.post("/api/contacts", INTAKE, body);

        assertError(answer, 400);
        JsonNode problem = answer.json();
        assertThat(fields(problem)).as("%s", answer).contains(field);
        assertThat(message(problem, field)).as("%s", answer).contains(hint);
        problem.path("fields").forEach(entry -> assertThat(entry.path("message").asText()).isNotBlank());
        assertThat(answer.body()).as("no internal text").doesNotContain("Exception", "jackson", "java.", "io.nohold");
        assertThat(rows()).as("nothing stored for %s", answer).isEqualTo(before);
        return problem;
    }

    private long rows() {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM contact) + (SELECT COUNT(*) FROM support_case)"
                + " + (SELECT COUNT(*) FROM customer)").query(Long.class).single();
    }

    private static List<String> fields(JsonNode problem) {
        return problem.path("fields").findValuesAsText("field");
    }

    private static String message(JsonNode problem, String field) {
        for (JsonNode entry : problem.path("fields")) {
            if (entry.path("field").asText().equals(field)) {
                return entry.path("message").asText();
            }
        }
        return "";
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

}
