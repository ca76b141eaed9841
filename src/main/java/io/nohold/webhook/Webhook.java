package io.nohold.webhook;

import java.time.Instant;
import java.util.List;

/** A subscription as the API shows it; the secret is never shown again. */
record Webhook(String id, String owner, String url, List<String> events, Instant createdAt) {
}
