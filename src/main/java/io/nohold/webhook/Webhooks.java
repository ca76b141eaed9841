package io.nohold.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.nohold.engine.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The subscriptions and their delivery log. A subscription belongs to whoever created it (a channel or an admin). */
@Repository
class Webhooks {

    private final JdbcClient jdbc;

    Webhooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Subscribes; notifications written from now on are delivered (the newest existing one marks where it starts).
     */
    @Transactional
    Webhook create(String owner, String url, List<String> events, String secret) {
        String id = "wh_" + UUID.randomUUID().toString().replace("-", "");
        Instant now = EngineClock.now();
        long newest = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM notification").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO webhook (id, owner, url, events, secret, created_at, start_notification_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .param(id)
            .param(owner)
            .param(url)
            .param(String.join(",", events))
            .param(secret)
            .param(EngineClock.utc(now))
            .param(newest)
            .update();
        return new Webhook(id, owner, url, List.copyOf(events), now);
    }

    /** Everybody's subscriptions (owner null) or one owner's. */
    List<Webhook> list(String owner) {
        return owner == null
                ? jdbc.sql("SELECT * FROM webhook ORDER BY created_at, id").query(Webhooks::map).list()
                : jdbc.sql("SELECT * FROM webhook WHERE owner = ? ORDER BY created_at, id").param(owner).query(Webhooks::map).list();
    }

    Optional<Webhook> find(String id) {
        return jdbc.sql("SELECT * FROM webhook WHERE id = ?").param(id).query(Webhooks::map).optional();
    }

    /** Ends the subscription; its pending deliveries and its log go with it. */
    @Transactional
    boolean delete(String id) {
        return jdbc.sql("DELETE FROM webhook WHERE id = ?").param(id).update() == 1;
    }

    /** The newest deliveries of the subscription first, each with its attempts in order. */
    List<DeliveryLog> log(String webhookId, int limit) {
        Map<String, DeliveryLog> deliveries = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT d.id, d.notification_id, n.case_number, n.kind, d.state, d.created_at, d.next_attempt_at
                FROM webhook_delivery d JOIN notification n ON n.id = d.notification_id
                WHERE d.webhook_id = ? ORDER BY d.notification_id DESC LIMIT ?""")
            .param(webhookId)
            .param(limit)
            .query((rs, n) -> new DeliveryLog(rs.getString("id"), rs.getLong("notification_id"), rs.getString("case_number"),
                    rs.getString("kind"), rs.getString("state"), instant(rs, "created_at"),
                    "PENDING".equals(rs.getString("state")) ? instant(rs, "next_attempt_at") : null, new ArrayList<>()))
            .list()
            .forEach(delivery -> deliveries.put(delivery.id(), delivery));
        if (!deliveries.isEmpty()) {
            jdbc.sql("""
                    SELECT delivery_id, attempt, attempted_at, http_status, error FROM webhook_attempt
                    WHERE delivery_id IN (:ids) ORDER BY delivery_id, attempt""")
                .param("ids", deliveries.keySet())
                .query((rs, n) -> {
                    Number status = (Number) rs.getObject("http_status");
                    deliveries.get(rs.getString("delivery_id"))
                        .attempts()
                        .add(new DeliveryLog.Attempt(rs.getInt("attempt"), instant(rs, "attempted_at"),
                                status == null ? null : status.intValue(), rs.getString("error")));
                    return null;
                })
                .list();
        }
        return List.copyOf(deliveries.values());
    }

    private static Webhook map(ResultSet rs, int row) throws SQLException {
        return new Webhook(rs.getString("id"), rs.getString("owner"), rs.getString("url"),
                Arrays.asList(rs.getString("events").split(",")), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

}
