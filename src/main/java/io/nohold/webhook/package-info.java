/**
 * Webhooks for the channel adapters that are not e-mail (chat, phone, social): subscriptions through
 * {@code /api/webhooks}, signed deliveries of the customer notifications meant for them, retries with backoff and the
 * delivery log.
 */
package io.nohold.webhook;
