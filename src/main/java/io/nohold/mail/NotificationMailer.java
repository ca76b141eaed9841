package io.nohold.mail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.MailDeliveries;
import io.nohold.casefile.MailDeliveries.MailJob;
import io.nohold.engine.EngineClock;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the customer notifications that go by e-mail ({@link MailDeliveries}) over SMTP, on every node. Each run
 * claims the due notifications, sends each and records the outcome in the case history. While the mail server cannot
 * be reached a notification is tried again with growing pauses ({@code nohold.mail.first-retry}, doubling up to
 * {@code nohold.mail.longest-retry}) until {@code nohold.mail.attempts}; a mail the server refuses is given up at once.
 * Every attempt of a notification carries the same {@code Message-ID}, so a mail sent again after a node died between
 * sending and recording is recognisable as the same mail.
 */
@Component
@ConditionalOnProperty(name = "nohold.mail.enabled", matchIfMissing = true)
class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

    private final MailDeliveries deliveries;

    private final CaseFile caseFile;

    private final JavaMailSender mail;

    private final TransactionTemplate transaction;

    private final InternetAddress from;

    private final MailSenderSettings settings;

    private final Session session = Session.getInstance(new Properties());

    NotificationMailer(MailDeliveries deliveries, CaseFile caseFile, JavaMailSender mail, PlatformTransactionManager transactions,
            @Value("${nohold.mail.from}") String from, MailSenderSettings settings) {
        this.deliveries = deliveries;
        this.caseFile = caseFile;
        this.mail = mail;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = settings;
        try {
            this.from = new InternetAddress(from, true);
        }
        catch (MessagingException e) {
            throw new IllegalStateException("nohold.mail.from is not an e-mail address: " + from, e);
        }
    }

    @Scheduled(fixedDelayString = "${nohold.mail.interval:PT10S}", initialDelayString = "${nohold.mail.interval:PT10S}")
    public void scheduled() {
        try {
            sendDue();
        }
        catch (RuntimeException e) {
            log.warn("sending customer e-mails failed; the next run tries again", e);
        }
    }

    /** Sends what is due now; returns how many mails the server took. */
    int sendDue() {
        int sent = 0;
        List<MailJob> batch;
        do {
            batch = deliveries.claim(settings.batchSize(), EngineClock.now().plus(settings.claim()));
            for (MailJob job : batch) {
                if (send(job)) {
                    sent++;
                }
            }
        }
        while (batch.size() == settings.batchSize());
        return sent;
    }

    private boolean send(MailJob job) {
        String messageId = messageId(job);
        try {
            mail.send(compose(job, messageId));
        }
        catch (MailException | MessagingException e) {
            boolean refused = refused(e);
            String why = refused ? "the mail server refused it" : "the mail server could not be reached";
            log.warn("e-mail of notification {} (case {}), attempt {}: {}", job.notificationId(), job.caseNumber(), job.attempt(),
                    e.toString());
            transaction.executeWithoutResult(status -> {
                if (refused || job.attempt() >= settings.attempts()) {
                    caseFile.notificationFailed(job, messageId, why);
                }
                else {
                    caseFile.notificationRetrying(job, messageId, EngineClock.now().plus(pause(job.attempt())), why);
                }
            });
            return false;
        }
        transaction.executeWithoutResult(status -> caseFile.notificationSent(job, messageId));
        return true;
    }

    /** The pause after the n-th failed attempt: the first pause, doubled each time, at most the longest. */
    Duration pause(int attempt) {
        Duration pause = settings.firstRetry();
        for (int i = 1; i < attempt && pause.compareTo(settings.longestRetry()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(settings.longestRetry()) < 0 ? pause : settings.longestRetry();
    }

    /** {@code <notification-123.NH-001001@nohold.example>}: the same for every attempt, in the support address's domain. */
    String messageId(MailJob job) {
        String address = from.getAddress();
        return "<notification-" + job.notificationId() + "." + job.caseNumber() + "@" + address.substring(address.indexOf('@') + 1) + ">";
    }

    private MimeMessage compose(MailJob job, String messageId) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {

            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }

        };
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(job.email()));
        message.setSubject(subject(job), StandardCharsets.UTF_8.name());
        message.setText(job.text(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(Instant.now()));
        // threading: a reply to the customer's mail that opened the case, and to the case's mails before this one
        Optional<String> opening = deliveries.openingMessageId(job.caseNumber());
        Set<String> references = new LinkedHashSet<>();
        opening.ifPresent(references::add);
        references.addAll(deliveries.earlierMessageIds(job.caseNumber(), job.notificationId()));
        if (!references.isEmpty()) {
            List<String> chain = new ArrayList<>(references);
            message.setHeader("In-Reply-To", opening.orElse(chain.get(chain.size() - 1)));
            message.setHeader("References", String.join(" ", chain));
        }
        message.saveChanges();
        return message;
    }

    /**
     * The case number in brackets, which brings a reply back to the case, then the case's subject when it has one (the
     * customer's own words keep their mail program's thread), else the subject line of the notification's template.
     */
    static String subject(MailJob job) {
        String tag = "[" + job.caseNumber() + "]";
        if (job.caseSubject() != null && !job.caseSubject().isBlank()) {
            return tag + " " + job.caseSubject().strip();
        }
        if (job.subject() != null && !job.subject().isBlank()) {
            String template = job.subject().strip();
            return template.contains(job.caseNumber()) ? template.replace(job.caseNumber(), tag) : tag + " " + template;
        }
        return tag;
    }

    /** Whether the server refused the mail (a bad address, a malformed message): trying again changes nothing. */
    private static boolean refused(Exception e) {
        if (e instanceof MailParseException || e instanceof MailPreparationException || e instanceof MessagingException) {
            return true;
        }
        if (e instanceof MailSendException send) {
            for (Exception cause : send.getFailedMessages().values()) {
                if (cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                        && failed.getInvalidAddresses().length > 0) {
                    return true;
                }
            }
        }
        return false;
    }

}
