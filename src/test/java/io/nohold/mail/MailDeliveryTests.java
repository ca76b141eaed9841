package io.nohold.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.nohold.casefile.CaseEvent;
import io.nohold.casefile.CaseEventType;
import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.casefile.MailDeliveries;
import io.nohold.casefile.Notification;
import io.nohold.casefile.NotificationKind;
import io.nohold.contact.ContactRequest;
import io.nohold.contact.IntakeAnswer;
import io.nohold.customer.ChannelHandle;
import io.nohold.customer.CustomerDetails;
import io.nohold.lifecycle.ContactLifecycleProcess;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Customer notifications by e-mail over real SMTP, read back over real IMAP from the demo mail server in this JVM:
 * what the customer receives, what happens while the mail server is down, and two senders on one database.
 */
@NoHoldTest
class MailDeliveryTests {

    static final String HAMBURG = "20095";

    @Autowired
    CaseDriver driver;

    @Autowired
    CaseFile caseFile;

    @Autowired
    MailDeliveries deliveries;

    @Autowired
    NotificationMailer mailer;

    @Autowired
    DemoMailServer mailServer;

    @Autowired
    JavaMailSender javaMailSender;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    org.springframework.core.env.Environment environment;

    @AfterEach
    void mailServerRunsAgain() {
        mailServer.start();
    }

    @Test
    void aCaseWithoutASubjectIsAnsweredUnderTheSubjectLineOfTheTemplate() throws Exception {
        CustomerDetails customer = CaseDriver.newCustomer(HAMBURG);
        IntakeAnswer answer = driver.submit(new ContactRequest("WEB", "web-" + UUID.randomUUID(), customer, null,
                "The lamp I bought flickers.", false, false));

        mailer.sendDue();

        Notification promise = customerNotification(answer.caseNumber(), NotificationKind.PROMISE);
        assertThat(promise.subject()).as("the template's subject line").contains(answer.caseNumber());
        assertThat(inbox(customer.email())).singleElement()
            .satisfies(mail -> assertThat(mail.subject())
                .isEqualTo(promise.subject().replace(answer.caseNumber(), "[" + answer.caseNumber() + "]")));
    }

    @Test
    void theAcknowledgementOfANewCaseArrivesInTheCustomersMailbox() throws Exception {
        CustomerDetails customer = CaseDriver.newCustomer(HAMBURG);
        String openingMail = "<" + UUID.randomUUID() + "@mail.customer.example>";
        IntakeAnswer answer = driver.submit(new ContactRequest("EMAIL", openingMail, customer, "My invoice is wrong",
                "The invoice of March charges me twice.", false, false));
        assertThat(answer.handler()).as("a rep of North is on shift on a Wednesday morning").isNotNull();

        mailer.sendDue();

        CaseRecord record = caseFile.get(answer.caseNumber());
        String promisedBy = caseFile.timeIn(record.regionId(), record.promisedBy());
        Notification promise = customerNotification(answer.caseNumber(), NotificationKind.PROMISE);
        List<Mail> inbox = inbox(customer.email());
        assertThat(inbox).hasSize(1);
        Mail mail = inbox.get(0);
        assertThat(mail.subject()).isEqualTo("[" + answer.caseNumber() + "] My invoice is wrong");
        assertThat(mail.from()).isEqualTo("support@nohold.example");
        assertThat(mail.body()).contains(answer.caseNumber(), answer.handler().name().split(" ")[0], promisedBy);
        assertThat(mail.messageId()).isEqualTo("<notification-" + promise.id() + "." + answer.caseNumber() + "@nohold.example>");
        assertThat(mail.inReplyTo()).isEqualTo(openingMail);
        assertThat(mail.references()).isEqualTo(openingMail);

        assertThat(caseFile.notifications(answer.caseNumber())).filteredOn(n -> n.id() == promise.id())
            .singleElement()
            .satisfies(n -> assertThat(n.deliveredAt()).isNotNull());
        assertThat(caseFile.history(answer.caseNumber())).filteredOn(e -> e.type() == CaseEventType.MAIL_SENT)
            .singleElement()
            .satisfies(e -> assertThat(e.outcome()).isEqualTo("PROMISE"));
    }

    @Test
    void theRepsReplyFromTheDeskArrivesInTheCustomersMailboxAndTheNotesStayInternal() throws Exception {
        CustomerDetails customer = CaseDriver.newCustomer(HAMBURG);
        String openingMail = "<" + UUID.randomUUID() + "@mail.customer.example>";
        IntakeAnswer answer = driver.submit(new ContactRequest("EMAIL", openingMail, customer, "Charged twice",
                "March is charged twice.", false, false));
        mailer.sendDue();

        driver.complete(answer.handler().id(), driver.task(answer.caseNumber(), ContactLifecycleProcess.Elements.REACH_CUSTOMER),
                java.util.Map.of("reachNotes", "internal: customer was upset, check billing run 7",
                        "replyToCustomer", "You are right, March was charged twice. The refund is on its way."));
        mailer.sendDue();

        List<Mail> inbox = inbox(customer.email());
        assertThat(inbox).hasSize(2);
        assertThat(inbox.get(1).body()).contains("You are right, March was charged twice. The refund is on its way.")
            .doesNotContain("billing run 7");
        assertThat(inbox.get(1).inReplyTo()).isEqualTo(openingMail);
    }

    @Test
    void laterMailsOfTheCaseReferToTheOpeningMailAndTheMailsBefore() throws Exception {
        CustomerDetails customer = CaseDriver.newCustomer(HAMBURG);
        String openingMail = "<" + UUID.randomUUID() + "@mail.customer.example>";
        IntakeAnswer answer = driver.submit(new ContactRequest("EMAIL", openingMail, customer, "Router keeps dropping",
                "Since Monday the router drops the line every hour.", false, false));
        mailer.sendDue();
        // the handler reaches the customer and plans a follow-up on the desk: a second notification to the customer
        String handler = answer.handler().id();
        driver.complete(handler, driver.task(answer.caseNumber(), ContactLifecycleProcess.Elements.REACH_CUSTOMER),
                Map.of("reachNotes", "line drops hourly"));
        driver.complete(handler, driver.task(answer.caseNumber(), ContactLifecycleProcess.Elements.RESOLVE_CONTACT),
                Map.of("outcome", "FOLLOW_UP", "notes", "engineer visits tomorrow",
                        "followUpDate", LocalDate.ofInstant(driver.now(), ZoneOffset.UTC).plusDays(1) + "T10:00"));
        mailer.sendDue();

        List<Mail> inbox = inbox(customer.email());
        assertThat(inbox).hasSize(2);
        assertThat(inbox.get(1).subject()).isEqualTo("[" + answer.caseNumber() + "] Router keeps dropping");
        assertThat(inbox.get(1).inReplyTo()).isEqualTo(openingMail);
        assertThat(inbox.get(1).references()).isEqualTo(openingMail + " " + inbox.get(0).messageId());
        assertThat(inbox.get(1).messageId()).isNotEqualTo(inbox.get(0).messageId());
    }

    @Test
    void aChatCustomerIsNotWrittenByMailTheirNotificationStaysForTheChatAdapter() throws Exception {
        // known on the chat by their user id: the chat adapter answers them there (a customer with an e-mail address
        // alone would be written by mail, the only way to reach them)
        CustomerDetails known = CaseDriver.newCustomer(HAMBURG);
        CustomerDetails customer = new CustomerDetails(null, known.name(), known.email(), null, known.postalCode(),
                known.country(), new ChannelHandle("CHAT", "chat-" + java.util.UUID.randomUUID()));
        IntakeAnswer answer = driver.submit("CHAT", customer, "Where is my parcel?");

        mailer.sendDue();

        Notification promise = customerNotification(answer.caseNumber(), NotificationKind.PROMISE);
        assertThat(deliveries.state(promise.id())).isNull();
        assertThat(promise.deliveredAt()).isNull();
        assertThat(mailServer.server().getReceivedMessagesForDomain("example.com")).noneMatch(m -> to(m).equals(customer.email()));
    }

    @Test
    void whileTheMailServerIsDownNothingIsLostAndAfterItIsBackEachMailArrivesOnce() throws Exception {
        mailServer.stop();
        CustomerDetails first = CaseDriver.newCustomer(HAMBURG);
        CustomerDetails second = CaseDriver.newCustomer(HAMBURG);
        IntakeAnswer a = driver.submit("EMAIL", first, "The app crashes");
        IntakeAnswer b = driver.submit("WEB", second, "I want to change my plan");
        long promiseA = customerNotification(a.caseNumber(), NotificationKind.PROMISE).id();
        long promiseB = customerNotification(b.caseNumber(), NotificationKind.PROMISE).id();

        assertThat(mailer.sendDue()).isZero();
        assertThat(deliveries.state(promiseA)).isEqualTo("RETRYING");
        assertThat(deliveries.state(promiseB)).isEqualTo("RETRYING");
        assertThat(caseFile.history(a.caseNumber())).filteredOn(e -> e.type() == CaseEventType.MAIL_RETRYING)
            .singleElement()
            .satisfies(e -> assertThat(e.detail()).contains("could not be reached", "trying again"));

        // back, but the pause after the first attempt has not passed: no attempt yet
        mailServer.start();
        assertThat(mailer.sendDue()).isZero();
        assertThat(inbox(first.email())).isEmpty();

        ClockUtil.setCurrentTime(java.util.Date.from(driver.now().plus(Duration.ofMinutes(1))));
        mailer.sendDue();
        mailer.sendDue();

        assertThat(inbox(first.email())).singleElement().satisfies(m -> assertThat(m.subject()).startsWith("[" + a.caseNumber() + "]"));
        assertThat(inbox(second.email())).singleElement().satisfies(m -> assertThat(m.subject()).startsWith("[" + b.caseNumber() + "]"));
        assertThat(deliveries.state(promiseA)).isEqualTo("SENT");
        assertThat(caseFile.history(a.caseNumber()).stream().map(CaseEvent::type))
            .containsSubsequence(CaseEventType.MAIL_RETRYING, CaseEventType.MAIL_SENT);
        assertThat(caseFile.history(a.caseNumber())).filteredOn(e -> e.type() == CaseEventType.MAIL_SENT)
            .singleElement()
            .satisfies(e -> assertThat(e.detail()).contains("at attempt 2"));
    }

    @Test
    void theTestsRunTheirMailServerOnFreePortsBesideARunningDemoAndNoHoldSendsToIt() {
        assertThat(mailServer.smtpPort()).isPositive().isNotEqualTo(3025);
        assertThat(mailServer.imapPort()).isPositive().isNotEqualTo(3143).isNotEqualTo(mailServer.smtpPort());
        assertThat(environment.getProperty("spring.mail.port", Integer.class)).isEqualTo(mailServer.smtpPort());
    }

    @Test
    void afterTheLastAttemptTheMailIsGivenUpAndTheCaseHistorySaysSo() throws Exception {
        NotificationMailer twoAttempts = new NotificationMailer(deliveries, caseFile, javaMailSender, transactions,
                "support@nohold.example", new MailSenderSettings(null, 0, 2, null, null));
        mailServer.stop();
        IntakeAnswer answer = driver.submit("EMAIL", CaseDriver.newCustomer(HAMBURG), "Cancel my contract");
        long promise = customerNotification(answer.caseNumber(), NotificationKind.PROMISE).id();

        twoAttempts.sendDue();
        ClockUtil.setCurrentTime(java.util.Date.from(driver.now().plus(Duration.ofMinutes(1))));
        twoAttempts.sendDue();
        mailServer.start();
        ClockUtil.setCurrentTime(java.util.Date.from(driver.now().plus(Duration.ofHours(2))));
        twoAttempts.sendDue();

        assertThat(deliveries.state(promise)).isEqualTo("FAILED");
        assertThat(caseFile.history(answer.caseNumber())).filteredOn(e -> e.type() == CaseEventType.MAIL_FAILED)
            .singleElement()
            .satisfies(e -> assertThat(e.detail()).contains("after 2 attempts"));
        assertThat(caseFile.notifications(answer.caseNumber())).filteredOn(n -> n.id() == promise)
            .singleElement()
            .satisfies(n -> assertThat(n.deliveredAt()).as("left undelivered in the outbox").isNull());
    }

    @Test
    void theRetriesWaitLongerEachTimeUpToTheLongestPause() {
        assertThat(List.of(1, 2, 3, 7, 8, 20).stream().map(mailer::pause).toList()).containsExactly(Duration.ofMinutes(1),
                Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));
    }

    @Test
    void twoSendersOnOneDatabaseSendEachNotificationOnce() throws Exception {
        List<IntakeAnswer> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(driver.submit(i % 2 == 0 ? "EMAIL" : "WEB", CaseDriver.newCustomer(HAMBURG), "Question " + i));
        }
        MailSenderSettings oneAtATime = new MailSenderSettings(null, 1, 0, null, null);
        List<NotificationMailer> senders = List.of(
                new NotificationMailer(deliveries, caseFile, javaMailSender, transactions, "support@nohold.example", oneAtATime),
                new NotificationMailer(deliveries, caseFile, javaMailSender, transactions, "support@nohold.example", oneAtATime));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (NotificationMailer sender : senders) {
                Callable<Integer> run = () -> {
                    start.await();
                    return sender.sendDue();
                };
                runs.add(pool.submit(run));
            }
            start.countDown();
            int sent = 0;
            for (Future<Integer> run : runs) {
                sent += run.get();
            }
            assertThat(sent).isGreaterThanOrEqualTo(answers.size());
        }
        finally {
            pool.shutdown();
        }
        for (IntakeAnswer answer : answers) {
            long id = customerNotification(answer.caseNumber(), NotificationKind.PROMISE).id();
            String messageId = "<notification-" + id + "." + answer.caseNumber() + "@nohold.example>";
            assertThat(Arrays.stream(mailServer.server().getReceivedMessages()).filter(m -> messageId.equals(header(m, "Message-ID"))))
                .as("mails of notification %s", id)
                .hasSize(1);
            assertThat(caseFile.history(answer.caseNumber())).filteredOn(e -> e.type() == CaseEventType.MAIL_SENT).hasSize(1);
        }
    }

    private Notification customerNotification(String caseNumber, NotificationKind kind) {
        return caseFile.notifications(caseNumber)
            .stream()
            .filter(n -> n.kind() == kind && n.recipientKind() == Notification.RecipientKind.CUSTOMER)
            .findFirst()
            .orElseThrow();
    }

    record Mail(String subject, String from, String body, String messageId, String inReplyTo, String references) {
    }

    /** The customer's inbox over IMAP, signed in with the address as user name and password. */
    private List<Mail> inbox(String address) throws Exception {
        if (mailServer.server().getUserManager().getUserByEmail(address) == null) {
            return List.of();
        }
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", mailServer.imapPort(), address, address);
        try {
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message message : folder.getMessages()) {
                mails.add(new Mail(message.getSubject(), ((jakarta.mail.internet.InternetAddress) message.getFrom()[0]).getAddress(),
                        message.getContent().toString(), header(message, "Message-ID"), header(message, "In-Reply-To"),
                        header(message, "References")));
            }
            folder.close(false);
            return mails;
        }
        finally {
            store.close();
        }
    }

    private static String header(Message message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        }
        catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
        }
        catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
