package io.nohold.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.nohold.engine.EngineClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Channels (the adapters of e-mail, chat, phone and social) and their API keys. A channel is not a Camunda user: it
 * cannot sign in to the webapps or the engine's API, and wrong guesses of its key cannot lock it out.
 * <p>
 * A key is {@code nh_<key id>_<secret>} with 256 random bits, shown once when issued. Only its SHA-256 digest is
 * stored: the secret is random, not chosen by a person, so a slow password hash would add nothing but latency. A
 * channel may have several keys at once, so a key is rotated by issuing a new one, switching the adapter over and
 * revoking the old one. Every use sets the key's last-used time (written at most once a minute per key).
 */
@Component
public class ChannelKeys {

    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    /** When this node last wrote a key's last-used time, so a busy channel does not write once per contact. */
    private final Map<String, Instant> lastUseWritten = new ConcurrentHashMap<>();

    ChannelKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Channel(String id, String name, Instant createdAt) {
    }

    public record KeyInfo(String id, String channel, String name, Instant createdAt, String createdBy, Instant lastUsedAt,
            Instant revokedAt) {
    }

    /** A newly issued key: {@code key} is the only time the secret is shown. */
    public record IssuedKey(String id, String channel, String name, Instant createdAt, String key) {
    }

    /** The channel a key belongs to, if the key is valid (known and not revoked). */
    Optional<ApiUser> authenticate(String presentedKey) {
        return channelOf(jdbc.queryForList("SELECT id, channel_id FROM api_key WHERE secret_hash = ? AND revoked_at IS NULL",
                sha256(presentedKey)));
    }

    /** The channel, if the key is one of its valid keys. */
    Optional<ApiUser> authenticate(String presentedKey, String channelId) {
        return channelOf(jdbc.queryForList(
                "SELECT id, channel_id FROM api_key WHERE secret_hash = ? AND channel_id = ? AND revoked_at IS NULL",
                sha256(presentedKey), channelId));
    }

    private Optional<ApiUser> channelOf(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        touch((String) rows.get(0).get("id"));
        return Optional.of(ApiUser.channel((String) rows.get(0).get("channel_id")));
    }

    boolean isChannel(String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM api_channel WHERE id = ?", Integer.class, id) > 0;
    }

    public List<Channel> channels() {
        return jdbc.query("SELECT id, name, created_at FROM api_channel ORDER BY id",
                (rs, n) -> new Channel(rs.getString("id"), rs.getString("name"), rs.getTimestamp("created_at").toInstant()));
    }

    public Optional<Channel> channel(String id) {
        return channels().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Creates a channel; false if the id is taken. */
    @Transactional
    public boolean createChannel(String id, String name) {
        if (isChannel(id)) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO api_channel (id, name, created_at) VALUES (?, ?, ?)", id, name, now());
            return true;
        }
        catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Transactional
    public IssuedKey issue(String channelId, String name, String issuedBy) {
        String id = HexFormat.of().formatHex(random(5));
        String key = "nh_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
        return store(channelId, id, name, key, issuedBy);
    }

    /**
     * Stores a key whose secret is given (the demo profile's well-known key); nothing happens if it exists already.
     */
    @Transactional
    public void ensureKey(String channelId, String keyId, String name, String key) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM api_key WHERE id = ?", Integer.class, keyId) == 0) {
            store(channelId, keyId, name, key, "system");
        }
    }

    private IssuedKey store(String channelId, String id, String name, String key, String issuedBy) {
        Instant now = EngineClock.now();
        jdbc.update("INSERT INTO api_key (id, channel_id, name, secret_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
                id, channelId, name, sha256(key), Timestamp.from(now), issuedBy);
        return new IssuedKey(id, channelId, name, now, key);
    }

    public List<KeyInfo> keys(String channelId) {
        return jdbc.query("SELECT * FROM api_key WHERE channel_id = ? ORDER BY created_at, id",
                (rs, n) -> new KeyInfo(rs.getString("id"), rs.getString("channel_id"), rs.getString("name"),
                        instant(rs.getTimestamp("created_at")), rs.getString("created_by"), instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))),
                channelId);
    }

    /** Revokes a key of the channel at once; false if the channel has no such key. Revoking twice keeps the first time. */
    @Transactional
    public boolean revoke(String channelId, String keyId) {
        jdbc.update("UPDATE api_key SET revoked_at = ? WHERE id = ? AND channel_id = ? AND revoked_at IS NULL", now(), keyId,
                channelId);
        return jdbc.queryForObject("SELECT COUNT(*) FROM api_key WHERE id = ? AND channel_id = ?", Integer.class, keyId,
                channelId) > 0;
    }

    private void touch(String keyId) {
        Instant now = EngineClock.now();
        Instant written = lastUseWritten.get(keyId);
        if (written != null && written.plus(LAST_USED_PRECISION).isAfter(now) && !written.isAfter(now)) {
            return;
        }
        lastUseWritten.put(keyId, now);
        jdbc.update("UPDATE api_key SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
                Timestamp.from(now), keyId, Timestamp.from(now.minus(LAST_USED_PRECISION)));
    }

    private static Timestamp now() {
        return Timestamp.from(EngineClock.now());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

}
