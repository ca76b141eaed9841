package io.nohold.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nohold.casefile.NotificationOutbox;
import io.nohold.engine.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the customer notifications meant for the webhooks: those of a subscribed kind that are not e-mail's, as the
 * outbox hands them to channel adapters ({@link NotificationOutbox#forAdapters}; see docs/decisions.md). Each is POSTed as JSON,
 * signed with the subscription's secret ({@link Signature}), and retried with exponential backoff on anything but a 2xx
 * answer, until {@code nohold.webhooks.max-attempts}. The customer is named by id and by their handle on the case's
 * channel (on PHONE: their phone number), so the adapter knows whom to answer.
 * <p>
 * <b>Several nodes.</b> Every node runs this every {@code nohold.webhooks.interval}. A node queues a subscription's new
 * notifications only while it holds the subscription's row lock (taken with SKIP LOCKED, so another node passes on);
 * a delivery is claimed with a row lock (SKIP LOCKED) whose transaction moves its next attempt a lease ahead, so no
 * other node takes it while it is sent. A node that dies while sending leaves the delivery to be tried again after the
 * lease: deliveries are at least once, and the delivery id header lets a receiver recognise a repeat.
 */
@Component
class WebhookDelivery {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    static final String DELIVERY_HEADER = "X-NoHold-Delivery";

    static final String EVENT_HEADER = "X-NoHold-Event";

    private static final int BATCH = 20;

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    private final ObjectMapper json;

    private final NotificationOutbox outbox;

    /** Built at the first delivery: an HTTP client sets up TLS (the JDK's trusted certificates), a third of a second. */
    private HttpClient http;

    private final Settings settings;

    /** How deliveries are retried and timed. */
    record Settings(int maxAttempts, Duration firstRetry, Duration maxRetry, Duration timeout, Duration lease,
            Duration catchUp) {
    }

    @Autowired
    WebhookDelivery(JdbcClient jdbc, PlatformTransactionManager transactionManager, ObjectMapper json,
            NotificationOutbox outbox, @Value("${nohold.webhooks.max-attempts:8}") int maxAttempts,
            @Value("${nohold.webhooks.first-retry:PT30S}") Duration firstRetry,
            @Value("${nohold.webhooks.max-retry:PT1H}") Duration maxRetry,
            @Value("${nohold.webhooks.timeout:PT10S}") Duration timeout,
            @Value("${nohold.webhooks.lease:PT2M}") Duration lease,
            @Value("${nohold.webhooks.catch-up:P1D}") Duration catchUp) {
        this(jdbc, transactionManager, json, outbox,
                new Settings(maxAttempts, firstRetry, maxRetry, timeout, lease, catchUp));
    }

    WebhookDelivery(JdbcClient jdbc, PlatformTransactionManager transactionManager, ObjectMapper json,
            NotificationOutbox outbox, Settings settings) {
        if (settings.maxAttempts() < 1 || settings.lease().compareTo(settings.timeout()) <= 0) {
            throw new IllegalArgumentException("nohold.webhooks: max-attempts must be at least 1 and the lease longer than "
                    + "the timeout; were " + settings);
        }
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.json = json;
        this.outbox = outbox;
        this.settings = settings;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            // redirects are not followed: the subscriber named the address it wants
            http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        }
        return http;
    }

    @Scheduled(fixedDelayString = "${nohold.webhooks.interval:PT5S}", initialDelayString = "${nohold.webhooks.interval:PT5S}")
    void scheduled() {
        try {
            run();
        }
        catch (RuntimeException e) {
            log.warn("webhook deliveries failed; the next run tries again", e);
        }
    }

    /** Queues what is new for every subscription, then sends what is due. The number of attempts made. */
    int run() {
        enqueue();
        int attempts = 0;
        List<String> claimed;
        while (!(claimed = claim()).isEmpty()) {
            for (String delivery : claimed) {
                send(delivery);
                attempts++;
            }
        }
        return attempts;
    }

    /** For each subscription whose row this node can lock: its new notifications become pending deliveries. */
    void enqueue() {
        Instant now = EngineClock.now();
        for (String webhook : jdbc.sql("SELECT id FROM webhook ORDER BY id").query(String.class).list()) {
            transaction.executeWithoutResult(status -> {
                List<Map<String, Object>> locked = jdbc
                    .sql("SELECT events, start_notification_id FROM webhook WHERE id = ? FOR UPDATE SKIP LOCKED")
                    .param(webhook)
                    .query()
                    .listOfRows();
                if (locked.isEmpty()) {
                    return; // gone, or another node queues for it right now
                }
                List<String> kinds = Arrays.asList(((String) locked.get(0).get("events")).split(","));
                long start = ((Number) locked.get(0).get("start_notification_id")).longValue();
                List<NotificationOutbox.ForAdapter> candidates = outbox.forAdapters(start,
                        now.minus(settings.catchUp()), kinds);
                if (candidates.isEmpty()) {
                    return;
                }
                Set<Long> queued = new HashSet<>(jdbc
                    .sql("SELECT notification_id FROM webhook_delivery WHERE webhook_id = ? AND notification_id >= ?")
                    .param(webhook)
                    .param(candidates.get(0).id())
                    .query(Long.class)
                    .list());
                for (NotificationOutbox.ForAdapter notification : candidates) {
                    if (queued.contains(notification.id())) {
                        continue;
                    }
                    Instant after = notification.deliverAfter();
                    Instant due = after == null || after.isBefore(now) ? now : after;
                    jdbc.sql("""
                            INSERT INTO webhook_delivery (id, webhook_id, notification_id, state, attempts, next_attempt_at,
                                                          created_at)
                            VALUES (?, ?, ?, 'PENDING', 0, ?, ?)""")
                        .param("whd_" + UUID.randomUUID().toString().replace("-", ""))
                        .param(webhook)
                        .param(notification.id())
                        .param(EngineClock.utc(due))
                        .param(EngineClock.utc(now))
                        .update();
                }
            });
        }
    }

    /** Due deliveries no other node holds, each moved a lease ahead so that nobody else takes it meanwhile. */
    List<String> claim() {
        return transaction.execute(status -> {
            Instant now = EngineClock.now();
            List<String> ids = jdbc.sql("""
                    SELECT id FROM webhook_delivery WHERE state = 'PENDING' AND next_attempt_at <= ?
                    ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .param(EngineClock.utc(now))
                .param(BATCH)
                .query(String.class)
                .list();
            if (!ids.isEmpty()) {
                jdbc.sql("UPDATE webhook_delivery SET next_attempt_at = :until WHERE id IN (:ids)")
                    .param("until", EngineClock.utc(now.plus(settings.lease())))
                    .param("ids", ids)
                    .update();
            }
            return new ArrayList<>(ids);
        });
    }

    private void send(String deliveryId) {
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT d.attempts, d.notification_id, w.url, w.secret FROM webhook_delivery d
                JOIN webhook w ON w.id = d.webhook_id WHERE d.id = ?""").param(deliveryId).query().listOfRows();
        if (rows.isEmpty()) {
            return; // the subscription ended meanwhile
        }
        Map<String, Object> row = rows.get(0);
        int attempt = ((Number) row.get("attempts")).intValue() + 1;
        long notificationId = ((Number) row.get("notification_id")).longValue();
        NotificationOutbox.ForAdapter notification = outbox.forAdapter(notificationId).orElse(null);
        if (notification == null || notification.text() == null || notification.text().isEmpty()) {
            // the customer's personal data was erased before it went out: nothing left to send
            jdbc.sql("UPDATE webhook_delivery SET state = 'DROPPED' WHERE id = ?").param(deliveryId).update();
            return;
        }
        byte[] body = payload(notification);
        Integer status = null;
        String error = null;
        try {
            HttpResponse<Void> answer = http().send(HttpRequest.newBuilder(URI.create((String) row.get("url")))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "NoHold-Webhooks")
                .header(Signature.HEADER, Signature.of((String) row.get("secret"), body))
                .header(DELIVERY_HEADER, deliveryId)
                .header(EVENT_HEADER, notification.kind().name())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.discarding());
            status = answer.statusCode();
            if (status < 200 || status > 299) {
                error = "answered HTTP " + status + ": only a 2xx answer counts as delivered";
            }
        }
        catch (HttpTimeoutException e) {
            error = "no answer within " + settings.timeout();
        }
        catch (IOException e) {
            error = "could not be reached: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // stays claimed until the lease ends, then is tried again
        }
        record(deliveryId, notificationId, attempt, status, error);
    }

    private void record(String deliveryId, long notificationId, int attempt, Integer status, String error) {
        Instant now = EngineClock.now();
        transaction.executeWithoutResult(tx -> {
            int updated;
            if (error == null) {
                updated = jdbc.sql("UPDATE webhook_delivery SET state = 'DELIVERED', attempts = ? WHERE id = ? AND state = 'PENDING'")
                    .param(attempt)
                    .param(deliveryId)
                    .update();
            }
            else {
                boolean last = attempt >= settings.maxAttempts();
                updated = jdbc.sql("UPDATE webhook_delivery SET state = ?, attempts = ?, next_attempt_at = ? WHERE id = ? AND state = 'PENDING'")
                    .param(last ? "FAILED" : "PENDING")
                    .param(attempt)
                    .param(EngineClock.utc(now.plus(backoff(attempt))))
                    .param(deliveryId)
                    .update();
            }
            if (updated == 0) {
                return; // the subscription ended meanwhile
            }
            jdbc.sql("INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, http_status, error) VALUES (?, ?, ?, ?, ?)")
                .param(deliveryId)
                .param(attempt)
                .param(EngineClock.utc(now))
                .param(status)
                .param(error == null || error.length() <= 500 ? error : error.substring(0, 500))
                .update();
            if (error == null) {
                outbox.markDelivered(notificationId);
            }
        });
    }

    /** The wait after the given failed attempt: first-retry, doubling each time, at most max-retry. */
    Duration backoff(int failedAttempt) {
        Duration wait = settings.firstRetry();
        for (int i = 1; i < failedAttempt && wait.compareTo(settings.maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
    }

    private byte[] payload(NotificationOutbox.ForAdapter notification) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", notification.customerId());
        customer.put("channel", notification.channel());
        customer.put("handle", notification.handle());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notificationId", notification.id());
        body.put("caseNumber", notification.caseNumber());
        body.put("kind", notification.kind().name());
        body.put("subject", notification.subject());
        body.put("text", notification.text());
        body.put("customer", customer);
        body.put("createdAt", notification.createdAt().toString());
        try {
            return json.writeValueAsBytes(body);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of texts is always JSON", e);
        }
    }

}
