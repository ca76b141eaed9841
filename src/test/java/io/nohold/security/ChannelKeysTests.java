package io.nohold.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.ApiClient.Response;
import io.nohold.testsupport.NoHoldTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A channel's life with API keys, as its administrator and its adapter see it over HTTP. */
@NoHoldTest
class ChannelKeysTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    String channel;

    @BeforeEach
    void newChannel() {
        api = new ApiClient(port);
        channel = "chat-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = api.post("/api/channels", "admin", Map.of("id", channel, "name", "Chat widget"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
    }

    @Test
    void aKeyWorksAsBearerTokenAndAsBasicPasswordOfItsOwnChannelOnly() {
        String key = issue("primary").path("key").asText();

        assertThat(notifications("Bearer " + key).status()).isEqualTo(200);
        assertThat(notifications(ApiClient.basic(channel, key)).status()).isEqualTo(200);
        assertThat(notifications(ApiClient.basic("intake", key)).status()).as("another channel's name").isEqualTo(401);
        assertThat(notifications("Bearer " + key + "x").status()).isEqualTo(401);
    }

    @Test
    void theKeyIsShownOnceAndStoredOnlyAsADigest() {
        JsonNode issued = issue("primary");
        String key = issued.path("key").asText();

        assertThat(key).startsWith("nh_" + issued.path("id").asText() + "_").hasSizeGreaterThan(40);
        Response listed = api.get("/api/channels/" + channel + "/keys", "admin");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(issued.path("id").asText()).doesNotContain(key);
        String stored = jdbc.sql("SELECT secret_hash FROM api_key WHERE id = ?").param(issued.path("id").asText())
            .query(String.class).single();
        assertThat(stored).isEqualTo(ChannelKeys.sha256(key)).doesNotContain(key);
    }

    @Test
    void rotationIsANewKeyThenRevokingTheOld() {
        JsonNode old = issue("2026");
        JsonNode rotated = issue("2027");

        assertThat(notifications("Bearer " + old.path("key").asText()).status()).as("both work during the switch").isEqualTo(200);
        assertThat(notifications("Bearer " + rotated.path("key").asText()).status()).isEqualTo(200);

        Response revoked = api.send(api.request("/api/channels/" + channel + "/keys/" + old.path("id").asText(), "admin")
            .DELETE());
        assertThat(revoked.status()).as("%s", revoked).isEqualTo(204);

        assertThat(notifications("Bearer " + old.path("key").asText()).status()).as("revoked at once").isEqualTo(401);
        assertThat(notifications("Bearer " + rotated.path("key").asText()).status()).isEqualTo(200);
        JsonNode keys = api.get("/api/channels/" + channel + "/keys", "admin").json();
        assertThat(keys.findValuesAsText("revokedAt")).hasSize(2);
        assertThat(keys.get(0).path("revokedAt").isNull()).isFalse();
        assertThat(keys.get(1).path("revokedAt").isNull()).isTrue();
    }

    @Test
    void everyUseIsSeenAsLastUse() {
        JsonNode issued = issue("primary");
        assertThat(api.get("/api/channels/" + channel + "/keys", "admin").json().get(0).path("lastUsedAt").isNull()).isTrue();

        notifications("Bearer " + issued.path("key").asText());

        assertThat(api.get("/api/channels/" + channel + "/keys", "admin").json().get(0).path("lastUsedAt").asText())
            .isNotBlank()
            .isNotEqualTo("null");
    }

    @Test
    void aChannelIsNoUserOfTheEngineOrTheWebapps() {
        String key = issue("primary").path("key").asText();

        Response engine = api.send(api.request("/engine-rest/task").header("Authorization", ApiClient.basic(channel, key)).GET());
        assertThat(engine.status()).isEqualTo(401);
        Response intake = api.send(api.request("/engine-rest/task").header("Authorization", ApiClient.basic("intake", "demo")).GET());
        assertThat(intake.status()).as("the demo channel is no engine user either").isEqualTo(401);
    }

    @Test
    void aChannelCannotTakeTheNameOfAPerson() {
        Response taken = api.post("/api/channels", "admin", Map.of("id", "dana", "name", "Not Dana"));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(api.get("/api/reps/dana", "dana").status()).as("dana still signs in as herself").isEqualTo(200);
    }

    @Test
    void badChannelIdsAreRefusedNamingTheField() {
        Response answer = api.post("/api/channels", "admin", Map.of("id", "Chat Widget!", "name", "Chat"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"id\"");
    }

    private JsonNode issue(String name) {
        Response issued = api.post("/api/channels/" + channel + "/keys", "admin", Map.of("name", name));
        assertThat(issued.status()).as("%s", issued).isEqualTo(201);
        return issued.json();
    }

    private Response notifications(String authorization) {
        return api.send(api.request("/api/notifications").header("Authorization", authorization).GET());
    }

}
