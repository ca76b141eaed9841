package io.nohold.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.ApiClient.Response;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The intake API as a channel sees it over HTTP: what it answers for a new contact and for the same contact sent
 * again, every way a request can be refused, who may call it, and that a contact whose case cannot be opened is
 * still kept.
 */
@NoHoldTest
class IntakeApiTests {

    static final String INTAKE = "intake";

    static final String HAMBURG = "20095";

    /**
     * The body limit of a contact: 64 KiB, and room for the files it may carry in base64 (60 KB per contact in the
     * tests, application-test.yaml).
     */
    static final int LIMIT_BYTES = 64 * 1024 + (60 * 1024 + 2) / 3 * 4 + 16 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseDriver driver;

    @Autowired
    IdentityService identity;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @AfterEach
    void reset() {
        driver.reset();
    }

    // accepted contacts

    @Test
    void newContactOpensACaseAndNamesHandlerPersonalRepAndPromise() {
        Map<String, Object> contact = contact("PHONE", newCustomer(HAMBURG));

        Response answer = api.post("/api/contacts", INTAKE, contact);

        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        JsonNode body = answer.json();
        assertThat(body.path("caseNumber").asText()).isNotBlank();
        assertThat(body.path("contactId").asLong()).isPositive();
        assertThat(body.path("customerId").asText()).isNotBlank();
        assertThat(body.path("region").asText()).isEqualTo("north");
        assertThat(body.path("personalRep").path("id").asText()).isNotBlank();
        assertThat(body.path("personalRep").path("name").asText()).isNotBlank();
        assertThat(body.path("handler").path("id").asText()).isEqualTo(body.path("personalRep").path("id").asText());
        assertThat(body.path("handler").path("name").asText()).isNotBlank();
        // the instant for machines, the same moment for the customer in North's zone (the tests run on a March morning)
        java.time.Instant promisedBy = java.time.Instant.parse(body.path("promisedBy").asText());
        String promisedByText = java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH)
            .format(promisedBy.atZone(java.time.ZoneId.of("Europe/Berlin"))) + " CET";
        assertThat(body.path("promisedByText").asText()).isEqualTo(promisedByText);
        assertThat(body.path("offeredTo").isNull()).isTrue();
        assertThat(body.path("joinedOpenCase").asBoolean()).isFalse();

        String caseNumber = body.path("caseNumber").asText();
        Response view = api.get("/api/cases/" + caseNumber, INTAKE);
        assertThat(view.status()).as("%s", view).isEqualTo(200);
        assertThat(view.json().path("handler").path("id").asText()).isEqualTo(body.path("handler").path("id").asText());
        assertThat(view.json().path("history").path("contacts")).hasSize(1);
        assertThat(view.json().path("promisedBy").asText()).isEqualTo(body.path("promisedBy").asText());
        assertThat(view.json().path("promisedByText").asText()).isEqualTo(promisedByText);

        Response notifications = api.get("/api/notifications?caseNumber=" + caseNumber, INTAKE);
        assertThat(notifications.status()).as("%s", notifications).isEqualTo(200);
        assertThat(notifications.json().findValuesAsText("kind")).contains("PROMISE");
        assertThat(notifications.json().findValuesAsText("text")).contains(body.path("handler").path("name").asText()
            .split(" ")[0] + " from your North team will call you back by " + promisedByText + ". Your case number is "
                + caseNumber + ".");
    }

    @Test
    void sameContactSentAgainAnswersTheSameCaseAndIsStoredOnce() {
        Map<String, Object> contact = contact("CHAT", newCustomer(HAMBURG));

        Response first = api.post("/api/contacts", INTAKE, contact);
        Response again = api.post("/api/contacts", INTAKE, contact);

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        String caseNumber = first.json().path("caseNumber").asText();
        assertThat(again.json().path("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(again.json().path("contactId").asLong()).isEqualTo(first.json().path("contactId").asLong());
        assertThat(contactRows((String) contact.get("externalId"))).isEqualTo(1);
        assertThat(api.get("/api/cases/" + caseNumber, INTAKE).json().path("history").path("contacts")).hasSize(1);
    }

    // refused input: 400 naming the field

    @Test
    void contactWithoutChannelIsRefusedNamingChannel() {
        Map<String, Object> contact = contact("EMAIL", newCustomer(HAMBURG));
        contact.remove("channel");

        assertRefused(api.post("/api/contacts", INTAKE, contact), "channel");
    }

    @Test
    void contactOnAnUnknownChannelIsRefusedNamingChannel() {
        assertRefused(api.post("/api/contacts", INTAKE, contact("FAX", newCustomer(HAMBURG))), "channel");
    }

    @Test
    void contactWithoutExternalIdIsRefusedNamingExternalId() {
        Map<String, Object> contact = contact("EMAIL", newCustomer(HAMBURG));
        contact.remove("externalId");

        assertRefused(api.post("/api/contacts", INTAKE, contact), "externalId");
    }

    @Test
    void contactWithoutMessageIsRefusedNamingMessage() {
        Map<String, Object> contact = contact("EMAIL", newCustomer(HAMBURG));
        contact.remove("message");

        assertRefused(api.post("/api/contacts", INTAKE, contact), "message");
    }

    @Test
    void customerWithoutIdEmailOrPhoneIsRefusedNamingCustomer() {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", "Nobody Known");
        customer.put("postalCode", HAMBURG);
        customer.put("country", "DE");

        assertRefused(api.post("/api/contacts", INTAKE, contact("EMAIL", customer)), "customer");
    }

    @Test
    void malformedEmailIsRefusedNamingCustomerEmail() {
        Map<String, Object> customer = newCustomer(HAMBURG);
        customer.put("email", "not-an-address");

        assertRefused(api.post("/api/contacts", INTAKE, contact("EMAIL", customer)), "customer.email");
    }

    @Test
    void countryThatIsNotTwoLettersIsRefusedNamingCustomerCountry() {
        Map<String, Object> customer = newCustomer(HAMBURG);
        customer.put("country", "Germany");

        assertRefused(api.post("/api/contacts", INTAKE, contact("EMAIL", customer)), "customer.country");
    }

    @Test
    void valueOfTheWrongJsonTypeIsRefusedNamingItsField() {
        Map<String, Object> contact = contact("SOCIAL", newCustomer(HAMBURG));
        contact.put("public", "yes");

        assertRefused(api.post("/api/contacts", INTAKE, contact), "public");
        assertThat(contactRows((String) contact.get("externalId"))).isZero();
    }

    @Test
    void malformedJsonIsRefusedNamingTheBody() {
        Response answer = api.post("/api/contacts", INTAKE, "{\"channel\": \"EMAIL\", \"externalId\": ");

        assertRefused(answer, "body");
    }

    @Test
    void unknownAvailabilityStatusIsRefusedNamingStatus() {
        assertRefused(api.put("/api/reps/dana/availability", "dana", Map.of("status", "ON_HOLIDAY")), "status");
        assertThat(api.get("/api/reps/dana", "dana").json().path("status").asText()).isEqualTo("AVAILABLE");
    }

    // unknown ids and paths: 404

    @Test
    void unknownCaseIsNotFound() {
        assertError(api.get("/api/cases/NO-SUCH-CASE", INTAKE), 404);
    }

    @Test
    void unknownCustomerIsNotFound() {
        assertError(api.get("/api/customers/no-such-customer-" + UUID.randomUUID(), INTAKE), 404);
    }

    @Test
    void unknownRepIsNotFound() {
        assertError(api.get("/api/reps/no-such-rep", INTAKE), 404);
        // a channel may not change anyone's availability at all (RoleMatrixTests); an administrator is told the rep is unknown
        assertError(api.put("/api/reps/no-such-rep/availability", "admin", Map.of("status", "AWAY")), 404);
    }

    @Test
    void unknownContactIsNotFound() {
        assertError(api.get("/api/contacts/987654321", INTAKE), 404);
    }

    @Test
    void unknownApiPathIsNotFound() {
        Response answer = api.get("/api/no-such-resource", INTAKE);

        assertError(answer, 404);
        assertThat(answer.json().path("detail").asText()).contains("/api/no-such-resource");
    }

    @Test
    void methodTheApiDoesNotOfferIsNotAllowed() {
        Response answer = api.send(api.request("/api/contacts/1", INTAKE).DELETE());

        assertError(answer, 405);
        assertThat(answer.json().path("detail").asText()).contains("DELETE", "GET");
    }

    // body size and content type

    @Test
    void bodyDeclaredOverTheLimitIsRefusedAsTooLarge() {
        Map<String, Object> contact = contact("EMAIL", newCustomer(HAMBURG));
        contact.put("message", "x".repeat(LIMIT_BYTES + 1024));

        Response answer = api.send(api.request("/api/contacts", INTAKE)
            .header("Content-Type", "application/json")
            .POST(ApiClient.json(contact)));

        assertError(answer, 413);
        assertThat(fields(answer)).containsExactly("body");
        assertThat(contactRows((String) contact.get("externalId"))).isZero();
    }

    @Test
    void streamedBodyOverTheLimitIsRefusedAsTooLarge() {
        String externalId = "ext-" + UUID.randomUUID();
        byte[] head = ("{\"channel\": \"EMAIL\", \"externalId\": \"" + externalId
                + "\", \"customer\": {\"email\": \"" + uniqueEmail() + "\"}, \"message\": \"").getBytes(StandardCharsets.UTF_8);
        byte[] filler = "y".repeat(LIMIT_BYTES * 2).getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);

        Response answer = api.send(api.request("/api/contacts", INTAKE)
            .header("Content-Type", "application/json")
            .POST(ApiClient.streamed(() -> concat(head, filler, tail))));

        assertError(answer, 413);
        assertThat(fields(answer)).containsExactly("body");
        assertThat(contactRows(externalId)).isZero();
    }

    @Test
    void bodyThatIsNotJsonIsRefusedAsUnsupportedMediaType() {
        Response answer = api.send(api.request("/api/contacts", INTAKE)
            .header("Content-Type", "text/plain")
            .POST(ApiClient.json("channel=EMAIL, message=hello")));

        assertError(answer, 415);
        assertThat(answer.json().path("detail").asText()).contains("application/json");
        assertThat(fields(answer)).containsExactly("Content-Type");
    }

    // authentication

    @Test
    void anonymousCallerIsChallengedForBasicAuthentication() {
        for (String path : List.of("/api/contacts/1", "/api/cases/1", "/api/no-such-resource", "/engine-rest/engine",
                "/engine-rest/process-definition")) {
            Response answer = api.send(api.request(path).GET());
            assertThat(answer.status()).as("%s: %s", path, answer).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).as(path).startsWithIgnoringCase("Basic");
            assertNoStackTrace(answer);
        }
        Response post = api.send(api.request("/api/contacts")
            .header("Content-Type", "application/json")
            .POST(ApiClient.json(contact("EMAIL", newCustomer(HAMBURG)))));
        assertError(post, 401);
    }

    @Test
    void wrongPasswordIsRefused() {
        // the engine delays a user's next sign-in after a wrong password: use one that no other test signs in as
        String user = "head-" + UUID.randomUUID().toString().substring(0, 8);
        User person = identity.newUser(user);
        person.setPassword(ApiClient.PASSWORD);
        identity.saveUser(person);
        identity.createMembership(user, "head-of-service");
        try {
            assertThat(api.get("/api/reps/dana", user).status()).isEqualTo(200);
            for (String path : List.of("/api/reps/dana", "/engine-rest/engine", "/engine-rest/process-definition")) {
                Response answer = api.send(api.request(path).header("Authorization", ApiClient.basic(user, "wrong")).GET());
                assertThat(answer.status()).as("%s: %s", path, answer).isEqualTo(401);
                assertNoStackTrace(answer);
            }
            Map<String, Object> contact = contact("EMAIL", newCustomer(HAMBURG));
            Response post = api.send(api.request("/api/contacts")
                .header("Authorization", ApiClient.basic(user, "wrong"))
                .header("Content-Type", "application/json")
                .POST(ApiClient.json(contact)));
            assertError(post, 401);
            assertThat(contactRows((String) contact.get("externalId"))).isZero();
        }
        finally {
            identity.deleteUser(user);
        }
    }

    @Test
    void adminCanUseTheEngineRestApi() {
        Response engines = api.get("/engine-rest/engine", "admin");
        Response definitions = api.get("/engine-rest/process-definition", "admin");

        assertThat(engines.status()).as("%s", engines).isEqualTo(200);
        assertThat(engines.json().findValuesAsText("name")).contains("default");
        assertThat(definitions.status()).as("%s", definitions).isEqualTo(200);
        assertThat(definitions.json().findValuesAsText("key")).contains(ContactLifecycleKey.KEY);
    }

    @Test
    void anExternalIdOfAnotherCustomersContactIsRefusedAndTellsNothingOfTheirCase() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("email", uniqueEmail());
        Map<String, Object> contact = contact("EMAIL", first);
        api.post("/api/contacts", INTAKE, contact);
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("email", uniqueEmail());
        Map<String, Object> replayed = contact("EMAIL", other);
        replayed.put("externalId", contact.get("externalId"));

        Response refused = api.post("/api/contacts", INTAKE, replayed);

        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(refused.body()).doesNotContain("caseNumber", "NH-", "handler").contains("externalId");
        assertThat(contactRows((String) contact.get("externalId"))).isEqualTo(1);
        assertThat(api.post("/api/contacts", INTAKE, contact).status()).as("the real resend is still answered").isEqualTo(200);
    }

    @Test
    void contactNamingACaseOfAnotherCustomerIsRefusedAndNothingIsStored() {
        Map<String, Object> maria = new LinkedHashMap<>();
        maria.put("email", uniqueEmail());
        String mariasCase = api.post("/api/contacts", INTAKE, contact("EMAIL", maria)).json().path("caseNumber").asText();
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("email", uniqueEmail());
        Map<String, Object> contact = contact("EMAIL", other);
        contact.put("caseNumber", mariasCase);

        Response refused = api.post("/api/contacts", INTAKE, contact);

        assertRefused(refused, "caseNumber");
        assertThat(contactRows((String) contact.get("externalId"))).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer WHERE email_key = ?").param(((String) other.get("email")).toLowerCase())
            .query(Long.class).single()).as("no customer registered").isZero();
    }

    @Test
    void contactNamingItsOwnOpenCaseJoinsIt() {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("email", uniqueEmail());
        String first = api.post("/api/contacts", INTAKE, contact("EMAIL", customer)).json().path("caseNumber").asText();
        Map<String, Object> newTopic = contact("EMAIL", customer);
        newTopic.put("newTopic", true);
        String second = api.post("/api/contacts", INTAKE, newTopic).json().path("caseNumber").asText();
        Map<String, Object> reply = contact("CHAT", customer);
        reply.put("caseNumber", first);

        Response joined = api.post("/api/contacts", INTAKE, reply);

        assertThat(joined.status()).as("%s", joined).isEqualTo(201);
        assertThat(second).isNotEqualTo(first);
        assertThat(joined.json().path("caseNumber").asText()).isEqualTo(first);
        assertThat(joined.json().path("joinedOpenCase").asBoolean()).isTrue();
    }

    @Test
    void malformedCaseNumberIsRefusedNamingCaseNumber() {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("email", uniqueEmail());
        Map<String, Object> contact = contact("EMAIL", customer);
        contact.put("caseNumber", "'; DROP TABLE contact; --");

        assertRefused(api.post("/api/contacts", INTAKE, contact), "caseNumber");
    }

    @Test
    void operatorsListContactsByEveryStatusAndAnUnknownStatusIsRefused() {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("email", uniqueEmail());
        Map<String, Object> contact = contact("EMAIL", customer);
        api.post("/api/contacts", INTAKE, contact);

        for (String status : List.of("RECEIVED", "OPENED_CASE", "JOINED_CASE", "FAILED")) {
            Response listed = api.get("/api/contacts?status=" + status + "&limit=1000", INTAKE);
            assertThat(listed.status()).as("%s: %s", status, listed).isEqualTo(200);
            assertThat(listed.json().findValuesAsText("status")).allSatisfy(listedStatus -> assertThat(listedStatus).isEqualTo(status));
        }
        assertThat(api.get("/api/contacts?status=OPENED_CASE&limit=1000", INTAKE).json().findValuesAsText("externalId"))
            .contains((String) contact.get("externalId"));
        assertRefused(api.get("/api/contacts?status=LOST", INTAKE), "status");
        assertThat(api.get("/api/contacts?status=OPENED_CASE", "dana").status()).as("reps do not list contacts").isEqualTo(403);
    }

    // nothing received is lost

    @Test
    void contactIsStoredWhenItsCaseCannotBeOpenedAndResendingAfterTheFixOpensIt() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String regionId = "zz-" + tag;
        String country = unusedCountry();
        jdbc.sql("INSERT INTO region (id, name) VALUES (?, ?)").params(regionId, "Nowhere " + tag).update();
        jdbc.sql("INSERT INTO region_rule (region_id, kind, prefix) VALUES (?, 'COUNTRY', ?)").params(regionId, country).update();
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", "Zelda Far");
        customer.put("email", uniqueEmail());
        customer.put("country", country);
        Map<String, Object> contact = contact("WEB", customer);
        String externalId = (String) contact.get("externalId");

        Response failed = api.post("/api/contacts", INTAKE, contact);

        assertError(failed, 503);
        Matcher named = Pattern.compile("contact (\\d+)").matcher(failed.json().path("detail").asText());
        assertThat(named.find()).as("error names the contact: %s", failed).isTrue();
        long contactId = Long.parseLong(named.group(1));
        assertThat(failed.json().path("detail").asText()).as("names no internal reason").doesNotContain("has no reps", regionId,
                "Exception", "SQL");
        assertThat(contactRows(externalId)).isEqualTo(1);
        JsonNode stored = api.get("/api/contacts/" + contactId, INTAKE).json();
        assertThat(stored.path("externalId").asText()).isEqualTo(externalId);
        assertThat(stored.path("status").asText()).isEqualTo("FAILED");
        assertThat(stored.path("failure").asText()).contains("application log").doesNotContain("Exception");
        assertThat(stored.path("caseNumber").isNull()).isTrue();
        assertThat(api.get("/api/contacts?status=FAILED&limit=1000", INTAKE).json().findValuesAsText("externalId"))
            .contains(externalId);

        String repId = "zz-rep-" + tag;
        Map<String, Object> rep = Map.of("id", repId, "firstName", "Zoe", "lastName", "Zeller", "email", repId + "@nohold.example",
                "region", regionId, "role", "REP");
        assertThat(api.post("/api/reps", "admin", rep).status()).as("the fix: an administrator adds a rep").isEqualTo(201);
        Response resent = api.post("/api/contacts", INTAKE, contact);

        assertThat(resent.status()).as("%s", resent).isEqualTo(201);
        assertThat(resent.json().path("contactId").asLong()).isEqualTo(contactId);
        assertThat(resent.json().path("region").asText()).isEqualTo(regionId);
        assertThat(resent.json().path("personalRep").path("id").asText()).isEqualTo(repId);
        assertThat(resent.json().path("handler").path("id").asText()).isEqualTo(repId);
        assertThat(contactRows(externalId)).isEqualTo(1);
        JsonNode opened = api.get("/api/contacts/" + contactId, INTAKE).json();
        assertThat(opened.path("status").asText()).isEqualTo("OPENED_CASE");
        assertThat(opened.path("caseNumber").asText()).isEqualTo(resent.json().path("caseNumber").asText());
        assertThat(opened.path("failure").isNull()).isTrue();
    }

    // helpers

    @Test
    void aPublicPostFromAHandleAloneJoinsTheCustomerWhoUsedItBefore() {
        String handle = "@Maria" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> known = newCustomer("20095");
        known.put("handle", Map.of("channel", "SOCIAL", "handle", handle));
        Response first = api.post("/api/contacts", INTAKE, contact("EMAIL", known));
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        String customerId = first.json().path("customerId").asText();

        Map<String, Object> post = contact("SOCIAL", Map.of("handle", Map.of("channel", "SOCIAL", "handle", handle.toLowerCase())));
        post.put("public", true);
        post.put("newTopic", true);
        Response answer = api.post("/api/contacts", INTAKE, post);

        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(answer.json().path("customerId").asText()).as("the same person").isEqualTo(customerId);
        JsonNode customer = api.get("/api/customers/" + customerId, INTAKE).json();
        assertThat(customer.path("handles").get(0).path("channel").asText()).isEqualTo("SOCIAL");
        assertThat(customer.path("handles").get(0).path("handle").asText()).isEqualTo(handle);
    }

    private static final class ContactLifecycleKey {

        static final String KEY = io.nohold.lifecycle.ContactLifecycleProcess.KEY;

    }

    static Map<String, Object> newCustomer(String postalCode) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", "Api Customer");
        customer.put("email", uniqueEmail());
        customer.put("postalCode", postalCode);
        customer.put("country", "DE");
        return customer;
    }

    static String uniqueEmail() {
        return "api-" + UUID.randomUUID() + "@example.com";
    }

    static Map<String, Object> contact(String channel, Map<String, Object> customer) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("channel", channel);
        contact.put("externalId", "ext-" + UUID.randomUUID());
        contact.put("customer", customer);
        contact.put("subject", "Delivery");
        contact.put("message", "Where is my parcel?");
        contact.put("public", false);
        contact.put("newTopic", false);
        return contact;
    }

    private int contactRows(String externalId) {
        return jdbc.sql("SELECT COUNT(*) FROM contact WHERE external_id = ?").param(externalId).query(Integer.class).single();
    }

    /** An ISO 3166-1 country no routing rule knows yet. */
    private String unusedCountry() {
        List<String> candidates = new ArrayList<>(List.of(Locale.getISOCountries()));
        Collections.reverse(candidates);
        return candidates.stream()
            .filter(code -> jdbc.sql("SELECT COUNT(*) FROM region_rule WHERE kind = 'COUNTRY' AND prefix = ?")
                .param(code)
                .query(Integer.class)
                .single() == 0)
            .findFirst()
            .orElseThrow();
    }

    private static InputStream concat(byte[]... parts) {
        List<InputStream> streams = new ArrayList<>();
        for (byte[] part : parts) {
            streams.add(new ByteArrayInputStream(part));
        }
        return new SequenceInputStream(Collections.enumeration(streams));
    }

    private static List<String> fields(Response answer) {
        return answer.json().path("fields").findValuesAsText("field");
    }

    static void assertRefused(Response answer, String field) {
        assertError(answer, 400);
        assertThat(fields(answer)).as("%s", answer).contains(field);
        answer.json().path("fields").forEach(problem -> assertThat(problem.path("message").asText()).isNotBlank());
    }

    /** An RFC 9457 problem detail with NoHold's list of refused fields. */
    static void assertError(Response answer, int status) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as("%s", answer).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("type").asText()).as("%s", answer).isEqualTo("about:blank");
        assertThat(problem.path("title").asText()).as("%s", answer).isNotBlank();
        assertThat(problem.path("status").asInt()).as("%s", answer).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as("%s", answer).isNotBlank();
        assertThat(problem.path("instance").asText()).as("%s", answer).startsWith("/");
        assertThat(problem.path("fields").isArray()).as("the API's error shape: %s", answer).isTrue();
        assertThat(problem.has("error")).as("the old shape is gone: %s", answer).isFalse();
        assertNoStackTrace(answer);
    }

    private static void assertNoStackTrace(Response answer) {
        assertThat(answer.body()).as("no stack trace").doesNotContain("Exception", "at io.", "at org.");
    }

}
