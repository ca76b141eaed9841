package io.nohold.mailbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.nohold.casefile.Channel;
import io.nohold.contact.AttachmentLimits;
import io.nohold.contact.ContactRequest;
import io.nohold.contact.IntakeFailedException;
import io.nohold.contact.IntakeService;
import io.nohold.contact.RefusedAttachment;
import io.nohold.customer.CustomerDetails;
import io.nohold.web.ApiException;
import io.nohold.web.TextRules;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the support mailbox over IMAP. Each mail in the inbox becomes a contact on channel EMAIL through the intake,
 * with its Message-ID as externalId; only after the contact is stored is the mail moved to the Processed folder. A node
 * that dies in between leaves the mail in the inbox, and whoever reads it next is answered "already stored" by the
 * intake, so every mail is taken in once however many nodes read the mailbox. A mail NoHold cannot take in (no usable
 * sender, refused by validation, too large) is moved to the Failed folder, never deleted, logged and recorded
 * ({@code GET /api/mailbox/failed}). A mail whose case could not be opened just now stays in the inbox and is tried
 * again at the next poll.
 */
@Component
public class MailboxReader {

    private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);

    /** The case number in the Message-ID of a mail NoHold sent, like {@code <notification-123.NH-001001@nohold.example>}. */
    private static final Pattern SENT_ID = Pattern.compile("^<[^<>@]*\\.(NH-[0-9]{6,})@[^<>]*>$");

    private static final Pattern CASE_IN_SUBJECT = Pattern.compile("\\b(NH-[0-9]{6,})\\b");

    private static final int MESSAGE_LIMIT = 20_000;

    private final MailboxSettings settings;

    private final IntakeService intake;

    private final AttachmentLimits limits;

    private final MailboxFailures failures;

    private final Validator validator;

    private final MailboxTurn turn;

    MailboxReader(MailboxSettings settings, IntakeService intake, AttachmentLimits limits, MailboxFailures failures,
            Validator validator, MailboxTurn turn) {
        this.turn = turn;
        this.settings = settings;
        this.intake = intake;
        this.limits = limits;
        this.failures = failures;
        this.validator = validator;
    }

    enum Outcome {
        TAKEN, FAILED, RETRY
    }

    @Scheduled(fixedDelayString = "${nohold.mailbox.poll-interval:PT30S}",
            initialDelayString = "${nohold.mailbox.initial-delay:PT5S}")
    void pollConfigured() {
        if (!settings.enabled()) {
            return;
        }
        try {
            poll(settings);
        }
        catch (MessagingException | RuntimeException e) {
            log.warn("could not read the support mailbox {}@{}:{}; trying again at the next poll: {}", settings.username(),
                    settings.host(), settings.port(), e.toString());
        }
    }

    /**
     * Reads every mail in the mailbox's inbox once; returns how many were taken in or moved to Failed, 0 when another
     * node is reading the mailbox at this moment.
     */
    public int poll(MailboxSettings mailbox) throws MessagingException {
        return turn.ifFree(() -> read(mailbox));
    }

    private int read(MailboxSettings mailbox) throws MessagingException {
        Store store = connect(mailbox);
        try {
            Folder inbox = store.getFolder(mailbox.folder());
            Folder processed = existing(store, mailbox.processedFolder());
            Folder failed = existing(store, mailbox.failedFolder());
            inbox.open(Folder.READ_WRITE);
            int done = 0;
            try {
                for (Message message : inbox.getMessages()) {
                    if (message.isExpunged() || message.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    Outcome outcome = take((MimeMessage) message, mailbox);
                    if (outcome != Outcome.RETRY && move(store, inbox, message, outcome == Outcome.TAKEN ? processed : failed)) {
                        done++;
                    }
                }
            }
            finally {
                inbox.close(true);
            }
            return done;
        }
        finally {
            store.close();
        }
    }

    /** Takes in one mail: stores its contact, or records why it cannot be. Does not move it. */
    Outcome take(MimeMessage message, MailboxSettings mailbox) {
        String messageId = null;
        String sender = null;
        String subject = null;
        try {
            if (message.getSize() > mailbox.maxMailSize().toBytes()) {
                return failed(message.getMessageID(), from(message), message.getSubject(), "the mail is larger than "
                        + mailbox.maxMailSize().toBytes() + " bytes (nohold.mailbox.max-mail-size)");
            }
            IncomingMail mail = IncomingMail.read(message);
            messageId = mail.messageId();
            subject = mail.subject();
            Optional<String> address = mail.senderAddress();
            sender = address.orElse(null);
            if (address.isEmpty() || !TextRules.emailAddress(address.get())) {
                return failed(messageId, sender, subject, "the mail has no usable sender address (From)");
            }
            if (address.get().equalsIgnoreCase(mailbox.username())) {
                return failed(messageId, sender, subject, "the mail comes from the support mailbox itself");
            }
            return submit(mail, address.get());
        }
        catch (MessagingException | IOException e) {
            log.warn("could not read mail {} of the support mailbox; trying again at the next poll: {}", messageId,
                    e.toString());
            return Outcome.RETRY;
        }
    }

    private Outcome submit(IncomingMail mail, String address) {
        List<ContactRequest.Attachment> files = new ArrayList<>();
        List<RefusedAttachment> refused = new ArrayList<>();
        long kept = 0;
        for (IncomingMail.File file : mail.files()) {
            String name = oneLine(file.name(), 255);
            Optional<String> refusal = limits.refusal(file.content().length, kept);
            if (refusal.isPresent()) {
                refused.add(new RefusedAttachment(name, file.contentType(), file.content().length, refusal.get()));
            }
            else {
                kept += file.content().length;
                files.add(new ContactRequest.Attachment(name, file.contentType(),
                        Base64.getEncoder().encodeToString(file.content())));
            }
        }
        String subject = mail.subject() == null ? null : oneLine(mail.subject(), 300);
        String caseNumber = caseNumberOf(mail, subject);
        String name = mail.sender().getPersonal() == null ? null : oneLine(mail.sender().getPersonal(), 200);
        ContactRequest request = new ContactRequest(Channel.EMAIL.name(), mail.messageId(),
                new CustomerDetails(null, name == null || name.isBlank() ? null : name, address, null, null, null), subject,
                message(mail.text(), !files.isEmpty() || !refused.isEmpty()), false, false, caseNumber,
                files.isEmpty() ? null : files);
        Set<ConstraintViolation<ContactRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return failed(mail.messageId(), address, subject, "refused by the intake's rules: " + violations.stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; ")));
        }
        try {
            intake.submit(request, refused);
            return Outcome.TAKEN;
        }
        catch (ApiException e) {
            if (caseNumber != null && e.fields().stream().anyMatch(f -> "caseNumber".equals(f.field()))) {
                // the case it answers is not this sender's: taken in as the sender's own contact
                ContactRequest unthreaded = new ContactRequest(request.channel(), request.externalId(), request.customer(),
                        request.subject(), request.message(), false, false, null, request.attachments());
                try {
                    intake.submit(unthreaded, refused);
                    return Outcome.TAKEN;
                }
                catch (ApiException again) {
                    e = again;
                }
            }
            return failed(mail.messageId(), address, subject, "refused by the intake: " + e.getMessage() + " "
                    + e.fields().stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; ")));
        }
        catch (IntakeFailedException e) {
            return Outcome.RETRY;
        }
    }

    /**
     * The case a reply belongs to: the case named in the Message-ID of a mail NoHold sent, or the case of an earlier
     * mail of the thread; else a case number in the subject; else none (the intake finds the customer's open case).
     */
    private String caseNumberOf(IncomingMail mail, String subject) {
        for (String id : mail.answers()) {
            Matcher sent = SENT_ID.matcher(id);
            if (sent.matches()) {
                return sent.group(1);
            }
            Optional<String> earlier = intake.caseOf(Channel.EMAIL, id);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        if (subject != null) {
            Matcher named = CASE_IN_SUBJECT.matcher(subject);
            if (named.find()) {
                return named.group(1);
            }
        }
        return null;
    }

    private Outcome failed(String messageId, String sender, String subject, String reason) {
        String id = messageId == null ? "(no Message-ID)" : messageId;
        log.warn("mail {} from {} could not be taken in and is moved to the mailbox's Failed folder: {}", id, sender, reason);
        failures.record(id, sender, subject == null ? null : oneLine(subject, 300), reason);
        return Outcome.FAILED;
    }

    private static String from(MimeMessage message) {
        try {
            return message.getFrom() == null || message.getFrom().length == 0 ? null : message.getFrom()[0].toString();
        }
        catch (MessagingException e) {
            return null;
        }
    }

    private static String message(String text, boolean files) {
        String clean = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
        if (clean.isEmpty()) {
            return files ? "(no text; see the attachments)" : "(empty mail)";
        }
        String note = "\n[shortened; the whole mail is in the mailbox's Processed folder]";
        return clean.length() <= MESSAGE_LIMIT ? clean : clean.substring(0, MESSAGE_LIMIT - note.length()) + note;
    }

    private static String oneLine(String text, int limit) {
        String line = text.replaceAll("\\p{Cntrl}", " ").strip();
        return line.length() <= limit ? line : line.substring(0, limit);
    }

    private static Store connect(MailboxSettings mailbox) throws MessagingException {
        Properties properties = new Properties();
        String protocol = mailbox.protocol();
        properties.setProperty("mail.store.protocol", protocol);
        properties.setProperty("mail." + protocol + ".connectiontimeout", "10000");
        properties.setProperty("mail." + protocol + ".timeout", "30000");
        properties.setProperty("mail." + protocol + ".partialfetch", "false");
        Store store = Session.getInstance(properties).getStore(protocol);
        store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
        return store;
    }

    private static Folder existing(Store store, String name) throws MessagingException {
        Folder folder = store.getFolder(name);
        if (!folder.exists()) {
            try {
                folder.create(Folder.HOLDS_MESSAGES);
            }
            catch (MessagingException e) {
                // another node created it meanwhile
                if (!folder.exists()) {
                    throw e;
                }
            }
        }
        return folder;
    }

    /**
     * IMAP MOVE where the server offers it, so that a mail is never left in two folders. Returns false when someone
     * else (a person in a mail client, a second installation) moved the mail first: the server refuses the MOVE and the
     * mail is no longer in the inbox. NoHold's own nodes take turns ({@link MailboxTurn}).
     */
    private static boolean move(Store store, Folder inbox, Message message, Folder target) throws MessagingException {
        if (store instanceof IMAPStore imap && imap.hasCapability("MOVE") && inbox instanceof IMAPFolder folder) {
            long uid = folder.getUID(message);
            try {
                folder.moveMessages(new Message[] { message }, target);
                return true;
            }
            catch (MessagingException e) {
                // asked of the server itself: the folder's own cache of UIDs still holds the mail
                if (((long[]) folder.doCommand(protocol -> protocol.fetchSequenceNumbers(uid, uid))).length == 0) {
                    log.debug("mail with UID {} was moved by someone else: {}", uid, e.getMessage());
                    return false;
                }
                throw e;
            }
        }
        inbox.copyMessages(new Message[] { message }, target);
        message.setFlag(Flags.Flag.DELETED, true);
        return true;
    }

}
