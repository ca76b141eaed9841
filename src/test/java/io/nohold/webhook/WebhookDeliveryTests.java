package io.nohold.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.nohold.casefile.NotificationOutbox;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.ApiClient.Response;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A chat adapter subscribes to customer notifications and a real HTTP receiver on 127.0.0.1 gets them: signed,
 * retried after a failure, logged, and once only when two nodes deliver.
 */
@NoHoldTest
class WebhookDeliveryTests {

    static final String SECRET = "s3cret-known-to-the-chat-adapter";

    @LocalServerPort
    int port;

    @Autowired
    WebhookDelivery delivery;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ObjectMapper json;

    @Autowired
    NotificationOutbox outbox;

    ApiClient api;

    HttpServer receiver;

    /** What the receiver got, in order. */
    final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    /** The statuses the receiver answers with, one per request; 200 once they are used up. */
    final List<Integer> answers = Collections.synchronizedList(new ArrayList<>());

    volatile long receiverDelayMillis;

    String channel;

    String key;

    record Received(Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

    }

    @BeforeEach
    void receiverAndChannel() throws IOException {
        api = new ApiClient(port);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            received.add(new Received(headers, body));
            if (receiverDelayMillis > 0) {
                try {
                    Thread.sleep(receiverDelayMillis); // a receiver that takes its time, so two nodes overlap
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = answers.isEmpty() ? 200 : answers.remove(0);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        channel = "chat-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/channels", "admin", Map.of("id", channel, "name", "Chat widget")).status()).isEqualTo(201);
        key = api.post("/api/channels/" + channel + "/keys", "admin", Map.of("name", "webhooks")).json().path("key").asText();
    }

    @AfterEach
    void stop() {
        // the test's subscriptions end with it, so that later runs do not call a receiver that is gone
        jdbc.sql("DELETE FROM webhook WHERE owner = ?").param(channel).update();
        receiver.stop(0);
    }

    @Test
    void aChatContactsPromiseArrivesSignedAtTheSubscribersReceiver() throws Exception {
        String webhook = subscribe(List.of("PROMISE"));
        String handle = "chat-user-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode chat = contact("CHAT", handle, "Where is my parcel?");
        JsonNode mail = contact("EMAIL", null, "Where is my invoice?");

        delivery.run();

        assertThat(received).as("the chat case's promise; the e-mail case's promise is e-mail's").hasSize(1);
        Received request = received.peek();
        assertThat(request.header("X-NoHold-Signature")).isEqualTo("sha256=" + hmac(SECRET, request.body()));
        assertThat(request.header("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(request.body());
        String caseNumber = chat.path("caseNumber").asText();
        assertThat(body.path("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(body.path("kind").asText()).isEqualTo("PROMISE");
        assertThat(body.path("customer").path("id").asText()).isEqualTo(chat.path("customerId").asText());
        assertThat(body.path("customer").path("channel").asText()).isEqualTo("CHAT");
        assertThat(body.path("customer").path("handle").asText()).isEqualTo(handle);
        JsonNode promise = get("/api/notifications?caseNumber=" + caseNumber, key).json().get(0);
        assertThat(body.path("notificationId").asLong()).isEqualTo(promise.path("id").asLong());
        assertThat(body.path("text").asText()).isEqualTo(promise.path("text").asText()).contains(caseNumber);
        assertThat(body.path("subject").asText()).isEqualTo(promise.path("subject").asText()).contains(caseNumber);
        assertThat(body.path("createdAt").asText()).isEqualTo(promise.path("createdAt").asText());
        assertThat(promise.path("deliveredAt").isNull()).as("marked delivered in the outbox").isFalse();
        assertThat(mail.path("caseNumber").asText()).isNotEqualTo(caseNumber);

        JsonNode log = get("/api/webhooks/" + webhook + "/deliveries", key).json();
        assertThat(log).hasSize(1);
        assertThat(log.get(0).path("id").asText()).isEqualTo(request.header("X-NoHold-Delivery"));
        assertThat(log.get(0).path("state").asText()).isEqualTo("DELIVERED");
        assertThat(log.get(0).path("attempts").get(0).path("httpStatus").asInt()).isEqualTo(200);

        delivery.run();
        assertThat(received).as("delivered once").hasSize(1);
    }

    @Test
    void aPhoneCallersPromiseNamesTheNumberToCallBackAndAnErasedOneIsNeverSent() throws Exception {
        String webhook = subscribe(List.of("PROMISE"));
        String phone = "+4940" + (1_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(8_999_999));
        Map<String, Object> caller = new LinkedHashMap<>();
        caller.put("email", "caller-" + UUID.randomUUID() + "@example.com");
        caller.put("phone", phone);
        caller.put("postalCode", "20095");
        caller.put("country", "DE");
        JsonNode call = submit("PHONE", caller, "Please call me back");
        JsonNode erased = contact("SOCIAL", "@gone" + UUID.randomUUID().toString().substring(0, 8), "Forget me");
        delivery.enqueue();
        jdbc.sql("UPDATE notification SET text = '' WHERE case_number = ?").param(erased.path("caseNumber").asText()).update();

        delivery.run();

        assertThat(received).hasSize(1);
        JsonNode body = json.readTree(received.peek().body());
        assertThat(body.path("caseNumber").asText()).isEqualTo(call.path("caseNumber").asText());
        assertThat(body.path("customer").path("channel").asText()).isEqualTo("PHONE");
        assertThat(body.path("customer").path("handle").asText()).isEqualTo(phone);
        assertThat(get("/api/webhooks/" + webhook + "/deliveries", key).json().findValuesAsText("state"))
            .containsExactlyInAnyOrder("DELIVERED", "DROPPED");
    }

    @Test
    void aReceiverThatFailsGetsTheSameDeliveryAgainAfterTheBackoffAndTheLogShowsBothAttempts() throws Exception {
        String webhook = subscribe(List.of("PROMISE"));
        answers.add(500);
        contact("CHAT", "chat-user-" + UUID.randomUUID().toString().substring(0, 8), "My parcel never came");

        delivery.run();
        assertThat(received).hasSize(1);
        JsonNode pending = get("/api/webhooks/" + webhook + "/deliveries", key).json().get(0);
        assertThat(pending.path("state").asText()).isEqualTo("PENDING");
        assertThat(pending.path("attempts").get(0).path("httpStatus").asInt()).isEqualTo(500);
        assertThat(pending.path("attempts").get(0).path("error").asText()).contains("500");

        delivery.run();
        assertThat(received).as("not before the backoff has passed").hasSize(1);

        ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse(pending.path("nextAttemptAt").asText())));
        delivery.run();

        assertThat(received).hasSize(2);
        List<Received> both = new ArrayList<>(received);
        assertThat(both.get(1).header("X-NoHold-Delivery")).isEqualTo(both.get(0).header("X-NoHold-Delivery"));
        assertThat(both.get(1).body()).as("the same body, so the same signature").isEqualTo(both.get(0).body());
        JsonNode delivered = get("/api/webhooks/" + webhook + "/deliveries", key).json().get(0);
        assertThat(delivered.path("state").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.path("attempts").findValuesAsText("httpStatus")).containsExactly("500", "200");
        assertThat(delivered.path("attempts").findValuesAsText("attempt")).containsExactly("1", "2");
    }

    @Test
    void twoNodesDeliverEachNotificationOnce() throws Exception {
        subscribe(List.of("PROMISE"));
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cases.add(contact("CHAT", "chat-user-" + UUID.randomUUID().toString().substring(0, 8), "Parcel " + i)
                .path("caseNumber")
                .asText());
        }
        receiverDelayMillis = 50;
        WebhookDelivery otherNode = new WebhookDelivery(jdbc, transactions, json, outbox, new WebhookDelivery.Settings(8,
                Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofDays(1)));

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (WebhookDelivery node : List.of(delivery, otherNode)) {
                runs.add(nodes.submit(() -> {
                    start.await();
                    return node.run();
                }));
            }
            start.countDown();
            int attempts = 0;
            for (Future<Integer> run : runs) {
                attempts += run.get(60, TimeUnit.SECONDS);
            }
            assertThat(attempts).isEqualTo(cases.size());
        }
        finally {
            nodes.shutdownNow();
        }

        List<String> caseNumbers = new ArrayList<>();
        for (Received request : received) {
            caseNumbers.add(json.readTree(request.body()).path("caseNumber").asText());
        }
        assertThat(caseNumbers).containsExactlyInAnyOrderElementsOf(cases);
    }

    @Test
    void aSubscriptionNeedsAnHttpUrlWithoutCredentialsAndKnownEvents() {
        assertRefused(Map.of("url", "ftp://127.0.0.1/hooks", "events", List.of("PROMISE"), "secret", SECRET), "url", "http");
        assertRefused(Map.of("url", "https://chat:password@example.com/hooks", "events", List.of("PROMISE"), "secret", SECRET),
                "url", "password");
        assertRefused(Map.of("url", "/hooks", "events", List.of("PROMISE"), "secret", SECRET), "url", "absolute");
        assertRefused(Map.of("url", "https://example.com/hooks", "events", List.of("PROMISES"), "secret", SECRET), "events",
                "RESOLVED");
        assertRefused(Map.of("url", "https://example.com/hooks", "events", List.of(), "secret", SECRET), "events", "PROMISE");
        assertRefused(Map.of("url", "https://example.com/hooks", "events", List.of("PROMISE"), "secret", "short"), "secret",
                "16");
        assertThat(get("/api/webhooks", key).json()).as("nothing stored").isEmpty();
    }

    @Test
    void aChannelSeesAndEndsOnlyItsOwnSubscriptionsAndNobodySeesTheSecret() {
        String webhook = subscribe(List.of("PROMISE", "RESOLVED"));
        String other = "social-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/channels", "admin", Map.of("id", other, "name", "Social"));
        String otherKey = api.post("/api/channels/" + other + "/keys", "admin", Map.of("name", "webhooks")).json().path("key").asText();

        Response mine = get("/api/webhooks", key);
        assertThat(mine.json().findValuesAsText("id")).containsExactly(webhook);
        assertThat(mine.json().get(0).path("events").toString()).contains("PROMISE", "RESOLVED");
        assertThat(mine.body()).doesNotContain(SECRET);
        assertThat(get("/api/webhooks", otherKey).json().findValuesAsText("id")).doesNotContain(webhook);
        assertThat(get("/api/webhooks/" + webhook + "/deliveries", otherKey).status()).isEqualTo(404);
        assertThat(delete("/api/webhooks/" + webhook, otherKey).status()).isEqualTo(404);
        Response all = api.get("/api/webhooks", "admin");
        assertThat(all.json().findValuesAsText("id")).contains(webhook);
        assertThat(all.body()).doesNotContain(SECRET);

        assertThat(delete("/api/webhooks/" + webhook, key).status()).isEqualTo(204);
        assertThat(get("/api/webhooks", key).json()).isEmpty();
    }

    /** The channel's adapter calls with its API key. */
    private Response get(String path, String apiKey) {
        return api.send(api.request(path).header("Authorization", "Bearer " + apiKey).GET());
    }

    private Response delete(String path, String apiKey) {
        return api.send(api.request(path).header("Authorization", "Bearer " + apiKey).DELETE());
    }

    private Response post(String path, String apiKey, Object body) {
        return api.send(api.request(path)
            .header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "application/json")
            .POST(ApiClient.json(body)));
    }

    private void assertRefused(Map<String, Object> request, String field, String accepted) {
        Response answer = post("/api/webhooks", key, request);
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"" + field + "\"").contains(accepted);
    }

    private String subscribe(List<String> events) {
        Response created = post("/api/webhooks", key, Map.of("url",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks", "events", events, "secret", SECRET));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.body()).doesNotContain(SECRET);
        return created.json().path("id").asText();
    }

    /** A contact from a new customer of Hamburg with an e-mail address, on a chat with a user id, or by e-mail. */
    private JsonNode contact(String channel, String handle, String message) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", "Webhook Customer");
        customer.put("email", "webhook-" + UUID.randomUUID() + "@example.com");
        customer.put("postalCode", "20095");
        customer.put("country", "DE");
        if (handle != null) {
            customer.put("handle", Map.of("channel", channel, "handle", handle));
        }
        return submit(channel, customer, message);
    }

    private JsonNode submit(String channel, Map<String, Object> customer, String message) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("channel", channel);
        contact.put("externalId", "webhook-" + UUID.randomUUID());
        contact.put("customer", customer);
        contact.put("message", message);
        Response answer = api.post("/api/contacts", "intake", contact);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        return answer.json();
    }

    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

}
