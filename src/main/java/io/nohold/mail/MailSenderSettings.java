package io.nohold.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nohold.mail.*}: how customer e-mails are sent (docs/operations.md, "Mail"). {@code claim}: how long a node
 * holds a notification it is sending before another node may take it; {@code batchSize}: notifications claimed at a
 * time; {@code attempts}: attempts before a notification is given up; {@code firstRetry}, doubled after each failed
 * attempt up to {@code longestRetry}: the pauses between attempts.
 */
@ConfigurationProperties("nohold.mail")
record MailSenderSettings(Duration claim, int batchSize, int attempts, Duration firstRetry, Duration longestRetry) {

    MailSenderSettings {
        claim = claim == null ? Duration.ofMinutes(5) : claim;
        batchSize = batchSize <= 0 ? 20 : batchSize;
        attempts = attempts <= 0 ? 12 : attempts;
        firstRetry = firstRetry == null ? Duration.ofMinutes(1) : firstRetry;
        longestRetry = longestRetry == null ? Duration.ofHours(1) : longestRetry;
    }

}
