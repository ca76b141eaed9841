package io.nohold.directory;

import java.time.Instant;

/**
 * A rep marked themselves (or was marked) AWAY, until {@code until} ({@code null}: until they say otherwise), or OFF
 * ({@code offDuty}, never with {@code until}). Published in the transaction of the change, so the contacts they hold
 * are handed on with it or not at all.
 */
public record RepWentAway(String id, String regionId, Instant until, boolean offDuty) {
}
