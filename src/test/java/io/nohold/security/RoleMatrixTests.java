package io.nohold.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.ApiClient.Response;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of /api against every role, over HTTP. The table says what each role gets; a new endpoint without a
 * row makes {@link #everyEndpointHasARow()} fail, so nobody can add one and forget who may call it.
 */
@NoHoldTest
class RoleMatrixTests {

    enum Role {
        ANONYMOUS(null), REP_OF_THE_REGION("dana"), REP_OF_ANOTHER_REGION("marco"), SUPERVISOR("sam"),
        HEAD_OF_SERVICE("head-of-service"), CHANNEL("intake"), ADMIN("admin");

        final String user;

        Role(String user) {
            this.user = user;
        }
    }

    /** What a role gets: the status, or any 2xx. */
    static final int OK = 200;

    static final int NO = 403;

    static final int WHO = 401;

    static final int GONE = 404;

    static final int BAD = 400;

    record Row(String method, String pattern, String path, String body, Map<Role, Integer> expected) {
    }

    /** Each request comes from its own address, so the anonymous rows do not spend another test's sign-in budget. */
    private static final AtomicInteger SOURCE = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping endpoints;

    ApiClient api;

    String caseNumber;

    long contactId;

    @BeforeEach
    void northCase() {
        api = new ApiClient(port);
        Response answer = api.post("/api/contacts", "intake", contact("C-1001"));
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        caseNumber = answer.json().path("caseNumber").asText();
        contactId = answer.json().path("contactId").asLong();
    }

    @AfterEach
    void reset() {
        driver.reset();
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // method, endpoint, a concrete request; then anonymous, rep of the region, rep of another region, supervisor,
        // head of service, channel, admin
        rows.add(row("POST", "/api/contacts", "/api/contacts", "CONTACT", WHO, NO, NO, NO, OK, OK, OK));
        rows.add(row("GET", "/api/contacts/{id}", "/api/contacts/" + contactId, null, WHO, NO, NO, NO, OK, OK, OK));
        rows.add(row("GET", "/api/contacts", "/api/contacts?status=FAILED", null, WHO, NO, NO, NO, OK, OK, OK));
        rows.add(row("GET", "/api/cases", "/api/cases?q=Invoice", null, WHO, OK, OK, OK, OK, OK, OK));
        rows.add(row("GET", "/api/customers", "/api/customers?q=Matrix", null, WHO, OK, OK, OK, OK, OK, OK));
        rows.add(row("GET", "/api/cases/{caseNumber}", "/api/cases/" + caseNumber, null, WHO, OK, NO, OK, OK, OK, OK));
        rows.add(row("GET", "/api/cases/{caseNumber}/attachments/{id}", "/api/cases/" + caseNumber + "/attachments/987654321",
                null, WHO, GONE, NO, GONE, GONE, GONE, GONE));
        rows.add(row("GET", "/api/mailbox/failed", "/api/mailbox/failed", null, WHO, NO, NO, NO, OK, NO, OK));
        rows.add(row("GET", "/api/customers/{id}", "/api/customers/C-1001", null, WHO, OK, NO, OK, OK, OK, OK));
        rows.add(row("GET", "/api/customers/{id}/export", "/api/customers/C-1001/export", null, WHO, NO, NO, NO, NO, NO, OK));
        rows.add(row("DELETE", "/api/customers/{id}/personal-data", "/api/customers/C-9999/personal-data", null, WHO, NO, NO,
                NO, NO, NO, GONE));
        rows.add(row("GET", "/api/reps", "/api/reps?region=north", null, WHO, NO, NO, NO, OK, NO, OK));
        rows.add(row("POST", "/api/reps", "/api/reps", "{\"id\": \"Not An Id\"}", WHO, NO, NO, NO, NO, NO, BAD));
        rows.add(row("DELETE", "/api/reps/{id}", "/api/reps/no-such-rep", null, WHO, NO, NO, NO, NO, NO, GONE));
        rows.add(row("GET", "/api/reps/{id}", "/api/reps/dana", null, WHO, OK, NO, OK, OK, OK, OK));
        rows.add(row("GET", "/api/me", "/api/me", null, WHO, OK, OK, OK, OK, NO, OK));
        // everyone of the directory sets their own status; head of service and admins have none
        rows.add(row("PUT", "/api/me/status", "/api/me/status", "{\"status\": \"AVAILABLE\"}", WHO, OK, OK, OK, NO, NO, NO));
        rows.add(row("PUT", "/api/reps/{id}/availability", "/api/reps/dana/availability", "{\"status\": \"AVAILABLE\"}", WHO,
                OK, NO, OK, OK, NO, OK));
        rows.add(row("GET", "/api/regions", "/api/regions", null, WHO, NO, NO, NO, OK, NO, OK));
        rows.add(row("POST", "/api/regions", "/api/regions", "{\"id\": \"Not An Id\"}", WHO, NO, NO, NO, NO, NO, BAD));
        rows.add(row("PUT", "/api/regions/{id}", "/api/regions/no-such-region", "{\"name\": \"Nowhere\"}", WHO, NO, NO, NO,
                NO, NO, GONE));
        rows.add(row("PUT", "/api/regions/{id}/rules", "/api/regions/north/rules", "{\"postalCodes\": [\"1 2\"]}", WHO, NO,
                NO, NO, NO, NO, BAD));
        rows.add(row("PUT", "/api/regions/{id}/backup-order", "/api/regions/north/backup-order", "{\"reps\": []}", WHO, NO,
                NO, NO, NO, NO, BAD));
        rows.add(row("PUT", "/api/reps/{id}/region", "/api/reps/no-such-rep/region", "{\"region\": \"south\"}", WHO, NO, NO,
                NO, NO, NO, GONE));
        rows.add(row("PUT", "/api/customers/{id}/placement", "/api/customers/C-9999/placement",
                "{\"region\": \"south\", \"reason\": \"matrix\"}", WHO, NO, NO, NO, NO, NO, GONE));
        rows.add(row("GET", "/api/customers/{id}/history", "/api/customers/C-1001/history", null, WHO, OK, NO, OK, OK, OK, OK));
        rows.add(row("GET", "/api/directory/audit", "/api/directory/audit?limit=1", null, WHO, NO, NO, NO, NO, NO, OK));
        rows.add(row("GET", "/api/reps/{id}/schedule", "/api/reps/dana/schedule", null, WHO, OK, NO, OK, NO, NO, OK));
        rows.add(row("PUT", "/api/reps/{id}/schedule", "/api/reps/dana/schedule", "{\"shifts\": {\"FUNDAY\": []}}", WHO, NO,
                NO, BAD, NO, NO, BAD));
        rows.add(row("GET", "/api/regions/{id}/calendar", "/api/regions/north/calendar", null, WHO, OK, NO, OK, OK, NO, OK));
        rows.add(row("PUT", "/api/regions/{id}/calendar", "/api/regions/north/calendar", "{\"timeZone\": \"Mars/Olympus\"}", WHO,
                NO, NO, NO, NO, NO, BAD));
        rows.add(row("GET", "/api/regions/{id}/morning-list", "/api/regions/north/morning-list", null, WHO, NO, NO, OK, OK, NO,
                OK));
        rows.add(row("GET", "/api/board", "/api/board?region=north", null, WHO, OK, NO, OK, OK, NO, OK));
        rows.add(row("GET", "/api/notifications", "/api/notifications", null, WHO, NO, NO, NO, OK, OK, OK));
        rows.add(row("POST", "/api/notifications/{id}/delivered", "/api/notifications/987654321/delivered", null, WHO, NO, NO,
                NO, NO, GONE, GONE));
        rows.add(row("POST", "/api/webhooks", "/api/webhooks", "{\"url\": \"ftp://example.com/hooks\"}", WHO, NO, NO, NO, NO,
                BAD, BAD));
        rows.add(row("GET", "/api/webhooks", "/api/webhooks", null, WHO, NO, NO, NO, NO, OK, OK));
        rows.add(row("DELETE", "/api/webhooks/{id}", "/api/webhooks/no-such-webhook", null, WHO, NO, NO, NO, NO, GONE, GONE));
        rows.add(row("GET", "/api/webhooks/{id}/deliveries", "/api/webhooks/no-such-webhook/deliveries", null, WHO, NO, NO, NO,
                NO, GONE, GONE));
        rows.add(row("GET", "/api/channels", "/api/channels", null, WHO, NO, NO, NO, NO, NO, OK));
        rows.add(row("POST", "/api/channels", "/api/channels", "CHANNEL", WHO, NO, NO, NO, NO, NO, OK));
        rows.add(row("GET", "/api/channels/{id}", "/api/channels/intake", null, WHO, NO, NO, NO, NO, NO, OK));
        rows.add(row("GET", "/api/channels/{id}/keys", "/api/channels/intake/keys", null, WHO, NO, NO, NO, NO, NO, OK));
        rows.add(row("POST", "/api/channels/{id}/keys", "/api/channels/intake/keys", "{\"name\": \"matrix\"}", WHO, NO, NO, NO,
                NO, NO, OK));
        rows.add(row("DELETE", "/api/channels/{id}/keys/{keyId}", "/api/channels/intake/keys/no-such-key", null, WHO, NO, NO,
                NO, NO, NO, GONE));
        return rows;
    }

    @Test
    void everyRoleGetsWhatTheTableSays() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            for (Role role : Role.values()) {
                Response answer = call(row, role);
                int expected = row.expected().get(role);
                boolean matches = expected == OK ? answer.status() >= 200 && answer.status() < 300 : answer.status() == expected;
                if (!matches) {
                    wrong.add(row.method() + " " + row.path() + " as " + role + ": expected " + expected + ", got " + answer);
                }
                if (answer.status() == 401 || answer.status() == 403) {
                    assertThat(answer.header("Content-Type")).as("%s", answer).startsWith("application/problem+json");
                    assertThat(answer.json().path("detail").asText()).as("a refusal names nothing internal")
                        .doesNotContain(caseNumber, "Exception", "io.nohold", "C-1001", "north");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aRepChangesOnlyTheirOwnAvailabilityAndASupervisorOnlyTheirRegions() {
        assertThat(call(row("PUT", "", "/api/reps/nils/availability", "{\"status\": \"AVAILABLE\"}"), "dana").status())
            .as("a colleague of the same region").isEqualTo(403);
        assertThat(call(row("PUT", "", "/api/reps/marco/availability", "{\"status\": \"AVAILABLE\"}"), "sam").status())
            .as("a supervisor of another region").isEqualTo(403);
    }

    @Test
    void everyEndpointHasARow() {
        Set<String> covered = new TreeSet<>();
        rows().forEach(row -> covered.add(row.method() + " " + row.pattern()));
        Set<String> endpointsOfTheApi = new TreeSet<>();
        endpoints.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
            .filter(pattern -> pattern.startsWith("/api"))
            .forEach(pattern -> info.getMethodsCondition().getMethods()
                .forEach(method -> endpointsOfTheApi.add(method.name() + " " + pattern))));
        assertThat(endpointsOfTheApi).isNotEmpty();
        assertThat(covered).containsAll(endpointsOfTheApi);
    }

    private Response call(Row row, Role role) {
        return call(row, role.user);
    }

    private Response call(Row row, String user) {
        String source = "198.51.100." + (SOURCE.incrementAndGet() % 250 + 1);
        HttpRequest.Builder request = (user == null ? api.request(row.path()) : api.request(row.path(), user))
            .header("X-Forwarded-For", source);
        HttpRequest.BodyPublisher publisher = switch (String.valueOf(row.body())) {
            case "null" -> HttpRequest.BodyPublishers.noBody();
            case "CONTACT" -> ApiClient.json(contact(null));
            case "CHANNEL" -> ApiClient.json(Map.of("id", "matrix-" + UUID.randomUUID().toString().substring(0, 8), "name", "Matrix"));
            default -> HttpRequest.BodyPublishers.ofString(row.body());
        };
        if (row.body() != null) {
            request.header("Content-Type", "application/json");
        }
        return api.send(request.method(row.method(), publisher));
    }

    private static Map<String, Object> contact(String customerId) {
        Map<String, Object> customer = new LinkedHashMap<>();
        if (customerId != null) {
            customer.put("id", customerId);
        }
        else {
            customer.put("name", "Matrix Customer");
            customer.put("email", "matrix-" + UUID.randomUUID() + "@example.com");
            customer.put("postalCode", "20095");
            customer.put("country", "DE");
        }
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("channel", "EMAIL");
        contact.put("externalId", "matrix-" + UUID.randomUUID());
        contact.put("customer", customer);
        contact.put("subject", "Invoice");
        contact.put("message", "Where is my invoice?");
        return contact;
    }

    private static Row row(String method, String pattern, String path, String body, int... expected) {
        Map<Role, Integer> byRole = new EnumMap<>(Role.class);
        for (int i = 0; i < expected.length; i++) {
            byRole.put(Role.values()[i], expected[i]);
        }
        return new Row(method, pattern, path, body, byRole);
    }

}
