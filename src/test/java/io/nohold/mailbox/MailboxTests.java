package io.nohold.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.ApiClient.Response;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import io.nohold.contact.ContactRequest;
import io.nohold.customer.CustomerDetails;
import jakarta.activation.DataHandler;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * The support mailbox over real SMTP and IMAP (GreenMail in the test JVM, on free ports): a customer's mail becomes a
 * case on channel EMAIL, once however often it is read, a reply joins its own case, a mail that cannot be taken in is
 * kept in Failed and reported, and files come along within the limits.
 */
@NoHoldTest
class MailboxTests {

    static final String SUPPORT = "support@nohold.example";

    static final String ADMIN = "admin";

    static GreenMail mailServer;

    @LocalServerPort
    int port;

    @Autowired
    MailboxReader reader;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseDriver driver;

    @Autowired
    MailboxFailures failures;

    ApiClient api;

    MailboxSettings mailbox;

    @BeforeAll
    static void startMailServer() {
        mailServer = new GreenMail(new ServerSetup[] { new ServerSetup(0, "127.0.0.1", "smtp"),
                new ServerSetup(0, "127.0.0.1", "imap") });
        mailServer.start();
        mailServer.setUser(SUPPORT, SUPPORT, SUPPORT);
    }

    @AfterAll
    static void stopMailServer() {
        mailServer.stop();
    }

    @BeforeEach
    void connect() throws Exception {
        api = new ApiClient(port);
        mailServer.purgeEmailFromAllMailboxes();
        mailbox = new MailboxSettings(true, "imap", "127.0.0.1", mailServer.getImap().getPort(), SUPPORT, SUPPORT, "INBOX",
                "Processed", "Failed", DataSize.ofMegabytes(1));
    }

    @AfterEach
    void reset() {
        driver.reset();
    }

    @Test
    void aCustomersMailOpensACaseOnChannelEmail() throws Exception {
        String customer = address("mila");
        String id = send(mail(customer, "My router is dead", "It blinks red since this morning."));

        assertThat(reader.poll(mailbox)).isEqualTo(1);

        JsonNode theCase = caseView(caseOf(id));
        assertThat(theCase.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(theCase.path("subject").asText()).isEqualTo("My router is dead");
        JsonNode contact = theCase.path("history").path("contacts").get(0);
        assertThat(contact.path("externalId").asText()).isEqualTo(id);
        assertThat(contact.path("message").asText()).contains("It blinks red");
        assertThat(jdbc.sql("SELECT email FROM customer WHERE id = ?").param(theCase.path("customer").path("id").asText())
            .query(String.class).single()).isEqualTo(customer);
        assertThat(count("INBOX")).isZero();
        assertThat(count("Processed")).isEqualTo(1);
    }

    @Test
    void aMailReadAgainAfterACrashAndByTwoNodesAtOnceIsOneContact() throws Exception {
        String id = send(mail(address("otto"), "Invoice twice", "You charged me twice."));
        // a node stores the contact and dies before moving the mail
        try (Store store = store()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            assertThat(reader.take((MimeMessage) inbox.getMessages()[0], mailbox)).isEqualTo(MailboxReader.Outcome.TAKEN);
            inbox.close(false);
        }
        assertThat(count("INBOX")).isEqualTo(1);

        // two nodes read the mailbox at once
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> poll = () -> reader.poll(mailbox);
            List<Future<Integer>> polls = List.of(nodes.submit(poll), nodes.submit(poll));
            for (Future<Integer> done : polls) {
                done.get();
            }
        }
        finally {
            nodes.shutdown();
        }

        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE external_id = ?").param(id).query(Integer.class).single())
            .isEqualTo(1);
        assertThat(count("INBOX")).isZero();
        assertThat(count("Processed")).isEqualTo(1);
    }

    @Test
    void twoNodesReadingAFullMailboxAtOnceTakeEveryMailOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(send(mail(address("queue" + i), "Question " + i, "Question number " + i + ".")));
        }

        // two IMAP sessions moving mails out of one inbox shift its message numbers under each other, and GreenMail
        // renumbers a session's view without telling it: a node would move mails it never read. One node reads at a time.
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        int moved = 0;
        try {
            Callable<Integer> poll = () -> reader.poll(mailbox);
            List<Future<Integer>> polls = List.of(nodes.submit(poll), nodes.submit(poll));
            for (Future<Integer> done : polls) {
                moved += done.get();
            }
        }
        finally {
            nodes.shutdown();
        }

        for (String id : ids) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE external_id = ?").param(id).query(Integer.class).single())
                .as("contacts for %s", id).isEqualTo(1);
        }
        assertThat(count("INBOX")).isZero();
        assertThat(count("Processed")).isEqualTo(20);
        assertThat(moved).as("mails the two nodes report as taken").isEqualTo(20);
    }

    @Test
    void aReplyJoinsItsOwnCaseEvenWhenTheCustomerHasANewerOne() throws Exception {
        String customer = address("rita");
        String first = send(mail(customer, "Parcel lost", "Where is my parcel?"));
        reader.poll(mailbox);
        String ownCase = caseOf(first);
        String newer = driver.submit(new ContactRequest("EMAIL", "ext-" + UUID.randomUUID(),
                new CustomerDetails(null, null, customer, null, null, null), "Another thing", "My password reset fails.",
                false, true)).caseNumber();
        assertThat(newer).isNotEqualTo(ownCase);

        // an answer to the acknowledgement NoHold sent for the first case
        MimeMessage reply = mail(customer, "Re: your case", "The parcel number is 4711.");
        reply.setHeader("In-Reply-To", "<notification-17." + ownCase + "@nohold.example>");
        String replyId = send(reply);
        // an answer to the customer's own first mail
        MimeMessage again = mail(customer, "Re: Parcel lost", "And it was insured.");
        again.setHeader("References", first);
        String againId = send(again);
        reader.poll(mailbox);

        assertThat(caseOf(replyId)).isEqualTo(ownCase);
        assertThat(caseOf(againId)).isEqualTo(ownCase);
        assertThat(caseView(ownCase).path("history").path("contacts").findValuesAsText("status")).containsExactly("OPENED_CASE",
                "JOINED_CASE", "JOINED_CASE");
    }

    @Test
    void aCaseNumberInTheSubjectJoinsThatCaseButNeverAnotherCustomers() throws Exception {
        String customer = address("sven");
        String first = send(mail(customer, "Broken screen", "Cracked on arrival."));
        reader.poll(mailbox);
        String ownCase = caseOf(first);
        driver.submit(new ContactRequest("EMAIL", "ext-" + UUID.randomUUID(),
                new CustomerDetails(null, null, customer, null, null, null), "Newer", "Something else.", false, true));

        String reply = send(mail(customer, "Re: [" + ownCase + "] Broken screen", "Photo follows."));
        String stranger = send(mail(address("eve"), "About " + ownCase, "Tell me about that case."));
        reader.poll(mailbox);

        assertThat(caseOf(reply)).isEqualTo(ownCase);
        assertThat(caseOf(stranger)).isNotEqualTo(ownCase);
        assertThat(count("Processed")).isEqualTo(3);
    }

    @Test
    void aMailWithoutAUsableSenderIsKeptInFailedAndReported() throws Exception {
        MimeMessage mail = mail(null, "No sender", "Who am I?");
        String id = send(mail);

        assertThat(reader.poll(mailbox)).isEqualTo(1);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE external_id = ?").param(id).query(Integer.class).single())
            .isZero();
        assertThat(count("INBOX")).isZero();
        assertThat(count("Failed")).isEqualTo(1);
        Response failed = api.get("/api/mailbox/failed", ADMIN);
        assertThat(failed.status()).as("%s", failed).isEqualTo(200);
        JsonNode entry = failed.json().get(0);
        assertThat(entry.path("messageId").asText()).isEqualTo(id);
        assertThat(entry.path("subject").asText()).isEqualTo("No sender");
        assertThat(entry.path("reason").asText()).contains("sender");
    }

    @Test
    void erasingACustomerErasesTheirAddressFromTheFailedMails() throws Exception {
        String customer = address("greta");
        String first = send(mail(customer, "Hello", "First mail."));
        reader.poll(mailbox);
        String customerId = caseView(caseOf(first)).path("customer").path("id").asText();
        failures.record("<failed-" + UUID.randomUUID() + "@mail.example.com>", customer, "Greta's secret subject", "refused");

        Response erased = api.delete("/api/customers/" + customerId + "/personal-data?withdrawOpenCases=true", ADMIN);

        assertThat(erased.status()).as("%s", erased).isEqualTo(200);
        assertThat(api.get("/api/mailbox/failed", ADMIN).body()).doesNotContain(customer, "Greta's secret subject");
    }

    @Test
    void filesComeWithTheMailListedInTheCaseAndDownloadableAndOverTheLimitRefused() throws Exception {
        byte[] receipt = "%PDF-1.4 receipt".getBytes(StandardCharsets.UTF_8);
        byte[] video = new byte[50 * 1024];
        MimeMessage mail = mail(address("ines"), "Receipt attached", null);
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("See the receipt and the video.", "UTF-8");
        parts.addBodyPart(text);
        parts.addBodyPart(file("receipt.pdf", "application/pdf", receipt));
        parts.addBodyPart(file("unboxing.mp4", "video/mp4", video));
        mail.setContent(parts);
        String id = send(mail);

        reader.poll(mailbox);

        JsonNode files = caseView(caseOf(id)).path("history").path("attachments");
        assertThat(files).hasSize(2);
        assertThat(files.get(0).path("name").asText()).isEqualTo("receipt.pdf");
        assertThat(files.get(0).path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(files.get(0).path("size").asLong()).isEqualTo(receipt.length);
        assertThat(files.get(0).path("refused").isNull()).isTrue();
        assertThat(files.get(1).path("name").asText()).isEqualTo("unboxing.mp4");
        assertThat(files.get(1).path("size").asLong()).isEqualTo(video.length);
        assertThat(files.get(1).path("refused").asText()).contains("limit per file");
        assertThat(files.get(1).path("download").isNull()).isTrue();

        Response download = api.get(files.get(0).path("download").asText(), ADMIN);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith("application/pdf");
        assertThat(download.header("Content-Disposition")).startsWith("attachment").contains("receipt.pdf");
        assertThat(download.body().getBytes(StandardCharsets.ISO_8859_1).length).isPositive();
    }

    @Test
    void filesSentThroughTheApiAreKeptAndOverTheLimitRefusedNamingTheField() {
        byte[] content = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> contact = apiContact(List.of(Map.of("name", "notes.txt", "contentType", "text/plain", "content",
                Base64.getEncoder().encodeToString(content))));

        Response answer = api.post("/api/contacts", "intake", contact);

        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        String caseNumber = answer.json().path("caseNumber").asText();
        JsonNode file = caseView(caseNumber).path("history").path("attachments").get(0);
        assertThat(file.path("name").asText()).isEqualTo("notes.txt");
        Response download = api.get(file.path("download").asText(), ADMIN);
        assertThat(download.body()).isEqualTo("line one\nline two\n");

        List<Map<String, Object>> tooMuch = new ArrayList<>();
        tooMuch.add(Map.of("name", "a.bin", "contentType", "application/octet-stream", "content",
                Base64.getEncoder().encodeToString(new byte[30 * 1024])));
        tooMuch.add(Map.of("name", "b.bin", "contentType", "application/octet-stream", "content",
                Base64.getEncoder().encodeToString(new byte[35 * 1024])));
        Map<String, Object> over = apiContact(tooMuch);
        Response refused = api.post("/api/contacts", "intake", over);
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("fields").findValuesAsText("field")).containsExactly("attachments[1].content");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE external_id = ?").param(over.get("externalId"))
            .query(Integer.class).single()).isZero();

        Response notBase64 = api.post("/api/contacts", "intake", apiContact(List.of(Map.of("name", "x.txt", "contentType",
                "text/plain", "content", "%%% not base64"))));
        assertThat(notBase64.status()).isEqualTo(400);
        assertThat(notBase64.json().path("fields").findValuesAsText("field")).containsExactly("attachments[0].content");

        Response noName = api.post("/api/contacts", "intake", apiContact(List.of(Map.of("contentType", "text/plain",
                "content", "aGk="))));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().path("fields").findValuesAsText("field")).containsExactly("attachments[0].name");
    }

    @Test
    void aFileIsOnlyForThoseWhoMaySeeItsCaseAndOnlyUnderItsOwnCase() {
        Map<String, Object> contact = apiContact(List.of(Map.of("name", "contract.txt", "contentType", "text/plain",
                "content", Base64.getEncoder().encodeToString("North's contract".getBytes(StandardCharsets.UTF_8)))));
        contact.put("customer", Map.of("email", address("hamburg"), "postalCode", "20095", "country", "DE"));
        Response answer = api.post("/api/contacts", "intake", contact);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        String northCase = answer.json().path("caseNumber").asText();
        String download = caseView(northCase).path("history").path("attachments").get(0).path("download").asText();
        String fileId = download.substring(download.lastIndexOf('/') + 1);
        String otherCase = driver.submit("PHONE", CaseDriver.newCustomer("20095"), "another North case").caseNumber();

        assertThat(api.get(download, "sam").body()).as("North's supervisor").isEqualTo("North's contract");
        Response south = api.get(download, "sofia");
        assertThat(south.status()).as("South's supervisor").isEqualTo(403);
        assertThat(south.body()).doesNotContain("North's contract", "contract.txt");
        assertThat(api.get(download, "marco").status()).as("a South rep").isEqualTo(403);
        Response underAnotherCase = api.get("/api/cases/" + otherCase + "/attachments/" + fileId, "sam");
        assertThat(underAnotherCase.status()).as("the file's id under another case of the same region").isEqualTo(404);
        assertThat(underAnotherCase.body()).doesNotContain("North's contract", "contract.txt");
    }

    // helpers

    private Map<String, Object> apiContact(List<Map<String, Object>> attachments) {
        Map<String, Object> contact = new java.util.LinkedHashMap<>();
        contact.put("channel", "EMAIL");
        contact.put("externalId", "ext-" + UUID.randomUUID());
        contact.put("customer", Map.of("email", address("api")));
        contact.put("message", "Files attached.");
        contact.put("attachments", attachments);
        return contact;
    }

    private JsonNode caseView(String caseNumber) {
        Response view = api.get("/api/cases/" + caseNumber, ADMIN);
        assertThat(view.status()).as("%s", view).isEqualTo(200);
        return view.json();
    }

    private String caseOf(String messageId) {
        return jdbc.sql("SELECT case_number FROM contact WHERE channel = 'EMAIL' AND external_id = ?")
            .param(messageId)
            .query(String.class)
            .single();
    }

    private static String address(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static Session session() {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(mailServer.getSmtp().getPort()));
        properties.setProperty("mail.smtp.from", "bounces@example.com");
        return Session.getInstance(properties);
    }

    /** A mail to support whose Message-ID is the one given here, not one made up when it is sent. */
    private static MimeMessage mail(String from, String subject, String text) throws Exception {
        String id = "<" + UUID.randomUUID() + "@mail.example.com>";
        MimeMessage mail = new MimeMessage(session()) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", id);
            }
        };
        if (from != null) {
            mail.setFrom(new InternetAddress(from));
        }
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
        mail.setSubject(subject, "UTF-8");
        if (text != null) {
            mail.setText(text, "UTF-8");
        }
        return mail;
    }

    private static String send(MimeMessage mail) throws Exception {
        mail.saveChanges();
        Transport.send(mail);
        return mail.getMessageID();
    }

    private static MimeBodyPart file(String name, String type, byte[] content) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setFileName(name);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    private Store store() throws Exception {
        Properties properties = new Properties();
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", mailServer.getImap().getPort(), SUPPORT, SUPPORT);
        return store;
    }

    private int count(String folder) throws Exception {
        try (Store store = store()) {
            Folder f = store.getFolder(folder);
            if (!f.exists()) {
                return 0;
            }
            f.open(Folder.READ_ONLY);
            int n = f.getMessageCount();
            f.close(false);
            return n;
        }
    }

}
