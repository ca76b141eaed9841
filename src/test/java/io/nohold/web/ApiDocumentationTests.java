package io.nohold.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.ApiClient.Response;
import io.nohold.testsupport.NoHoldTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI description of /api, as an integrator reads it without signing in; it opens no other door. */
@NoHoldTest
class ApiDocumentationTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void theDescriptionListsTheMainEndpointsOfTheApiAndNothingElse() {
        Response docs = api.send(api.request("/v3/api-docs").GET());

        assertThat(docs.status()).as("%s", docs).isEqualTo(200);
        assertThat(docs.header("Set-Cookie")).isNull();
        JsonNode description = docs.json();
        assertThat(description.path("openapi").asText()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        description.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/contacts", "/api/cases/{caseNumber}", "/api/customers/{id}", "/api/notifications",
                "/api/webhooks", "/api/webhooks/{id}", "/api/webhooks/{id}/deliveries", "/api/channels");
        assertThat(paths).allSatisfy(path -> assertThat(path).startsWith("/api/"));
        assertThat(description.path("paths").path("/api/contacts").has("post")).isTrue();
        assertThat(description.path("components").path("securitySchemes").path("person").path("scheme").asText())
            .isEqualTo("basic");
    }

    @Test
    void theBrowsableUiIsLinkedFromSwaggerUiHtml() {
        Response entry = api.send(api.request("/swagger-ui.html").GET());
        assertThat(entry.status()).as("%s", entry).isEqualTo(302);
        String location = entry.header("Location");
        assertThat(location).contains("/swagger-ui/index.html");

        Response page = api.send(api.request(location.replaceFirst("^https?://[^/]+", "")).GET());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger");
    }

    @Test
    void readingTheDescriptionOpensNoOtherDoor() {
        assertThat(api.send(api.request("/api/webhooks").GET()).status()).as("the API still wants a caller").isEqualTo(401);
        assertThat(api.send(api.request("/actuator/metrics").GET()).status()).isEqualTo(401);
        assertThat(api.send(api.request("/engine-rest/engine").GET()).status()).isEqualTo(401);
        assertThat(api.send(api.request("/v3/api-docs").POST(java.net.http.HttpRequest.BodyPublishers.noBody())).status())
            .as("read only").isNotIn(200, 201, 204);
    }

}
