package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.nohold.casefile.CaseEvent;
import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.casefile.Notification;
import io.nohold.contact.IntakeAnswer;
import io.nohold.customer.CustomerDetails;
import io.nohold.testsupport.CaseAgreement;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What customers read: their language, the channel's wording, no internal reason, an apology, a rep's reply. */
@NoHoldTest
class CustomerTextsLifecycleTests {

    static final String HAMBURG = "20095";

    @Autowired
    CaseDriver driver;

    @Autowired
    CaseFile cases;

    @Autowired
    RuntimeService runtime;

    @AfterEach
    void caseRecordAgreesWithTheEngine(@Autowired CaseAgreement agreement) {
        try {
            driver.touchedCases().forEach(agreement::check);
        }
        finally {
            driver.reset();
        }
    }

    @Test
    void anEmailIsPromisedAnAnswerToTheEmailAndAPhoneCallACallBack() {
        IntakeAnswer mail = driver.submit("EMAIL", CaseDriver.newCustomer(HAMBURG), "my order");
        IntakeAnswer call = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "my order");

        assertThat(customerNotice(mail, "PROMISE").text()).contains("will answer your e-mail by " + mail.promisedByText())
            .doesNotContainIgnoringCase("call");
        assertThat(customerNotice(mail, "PROMISE").subject()).isEqualTo("Your case " + mail.caseNumber());
        assertThat(customerNotice(call, "PROMISE").text()).contains("will call you back by " + call.promisedByText());
    }

    @Test
    void aGermanCustomerReadsGerman() {
        IntakeAnswer answer = driver.submit("EMAIL", german(), "Meine Bestellung");

        Notification promise = customerNotice(answer, "PROMISE");
        assertThat(promise.subject()).isEqualTo("Ihr Fall " + answer.caseNumber());
        assertThat(promise.text()).contains("aus Ihrem Team North beantwortet Ihre E-Mail bis ")
            .containsAnyOf("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag")
            .contains("Ihre Fallnummer ist " + answer.caseNumber());
    }

    @Test
    void theCustomerIsToldWhatWasGrantedButNeverTheRepsReason() {
        IntakeAnswer english = reached("EMAIL", CaseDriver.newCustomer(HAMBURG));
        IntakeAnswer deutsch = reached("EMAIL", german());

        for (IntakeAnswer answer : List.of(english, deutsch)) {
            driver.complete(answer.handler().id(), driver.task(answer.caseNumber(), RESOLVE_CONTACT),
                    Map.of("outcome", "ACCOMMODATION", "notes", "refund, customer sounded drunk", "accommodationType", "REFUND",
                            "accommodationAmount", 80, "accommodationReason", "goodwill: threatened a bad review"));
        }

        assertThat(customerNotice(english, "RESOLVED").text()).contains("We have granted you a refund of 80.00.")
            .doesNotContain("threatened", "goodwill", "drunk");
        assertThat(customerNotice(deutsch, "RESOLVED").text()).contains("eine Erstattung von 80,00 gewährt")
            .doesNotContain("threatened", "goodwill", "drunk");
        assertThat(events(english, "ACCOMMODATION_GRANTED")).singleElement()
            .satisfies(e -> assertThat(e.detail()).as("the history keeps the reason").contains("threatened a bad review"));
    }

    @Test
    void aBrokenPromiseIsFollowedByAnApologyAndAnHonestNewPromise() {
        IntakeAnswer answer = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "call me");

        driver.passTimeTo(cases.get(answer.caseNumber()).personalWindowEndsAt().plusSeconds(1), answer.caseNumber());
        driver.passTimeTo(answer.promisedBy().plusSeconds(1), answer.caseNumber());

        CaseRecord record = cases.get(answer.caseNumber());
        assertThat(record.promisedBy()).as("a new promise, counted from now").isAfter(driver.now());
        Task reach = driver.task(answer.caseNumber(), REACH_CUSTOMER);
        assertThat(reach.getDueDate().toInstant()).as("the team's task is due when the customer was told").isEqualTo(record.promisedBy());
        Notification apology = customerNotice(answer, "NEW_PROMISE");
        assertThat(apology.text()).contains("We are sorry", "by " + answer.promisedByText(),
                "Your North team will call you back by " + cases.timeIn(record.regionId(), record.promisedBy()));
        assertThat(apology.recipient()).isEqualTo(answer.customerId());
    }

    @Test
    void aReplyFromTheDeskGoesToTheCustomerAndIntoTheHistoryAndNotesStayInternal() {
        IntakeAnswer answer = driver.submit("EMAIL", CaseDriver.newCustomer(HAMBURG), "where is my parcel?");
        String handler = answer.handler().id();

        driver.complete(handler, driver.task(answer.caseNumber(), REACH_CUSTOMER),
                Map.of("reachNotes", "customer is impatient", "replyToCustomer", "Your parcel left our warehouse today."));

        assertThat(customerNotices(answer, "REPLY")).singleElement().satisfies(reply -> {
            assertThat(reply.recipient()).isEqualTo(answer.customerId());
            assertThat(reply.subject()).isEqualTo("Re: your case " + answer.caseNumber());
            assertThat(reply.text()).contains("Your parcel left our warehouse today.", answer.handler().name())
                .doesNotContain("impatient");
        });
        assertThat(events(answer, "REPLIED_TO_CUSTOMER")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(handler);
            assertThat(e.detail()).isEqualTo("Your parcel left our warehouse today.");
        });
        assertThat(runtime.getVariable(driver.instance(answer.caseNumber()).getId(), "replyToCustomer"))
            .as("the reply is not kept in the engine for the next task").isNull();

        driver.complete(handler, driver.task(answer.caseNumber(), RESOLVE_CONTACT),
                Map.of("outcome", "RESOLVED", "notes", "arrived", "replyToCustomer", "   "));

        assertThat(customerNotices(answer, "REPLY")).as("no reply without text, and none sent twice").hasSize(1);
        assertThat(events(answer, "REPLIED_TO_CUSTOMER")).hasSize(1);
    }

    @Test
    void whatWasGrantedIsToldOnceAndNotAgainWhenTheReopenedCaseIsResolved() {
        CustomerDetails customer = CaseDriver.newCustomer(HAMBURG);
        IntakeAnswer answer = reached("EMAIL", customer);
        String handler = answer.handler().id();
        driver.complete(handler, driver.task(answer.caseNumber(), RESOLVE_CONTACT), Map.of("outcome", "ACCOMMODATION",
                "notes", "refund", "accommodationType", "REFUND", "accommodationAmount", 80, "accommodationReason", "late"));

        driver.passTime(Duration.ofDays(2), answer.caseNumber());
        IntakeAnswer reply = driver.submit("EMAIL", customer, "thanks, one more question");
        assertThat(reply.caseNumber()).as("the reply reopens the case").isEqualTo(answer.caseNumber());
        driver.complete(handler, driver.task(answer.caseNumber(), REACH_CUSTOMER), Map.of("reachNotes", "reached"));
        driver.complete(handler, driver.task(answer.caseNumber(), RESOLVE_CONTACT),
                Map.of("outcome", "RESOLVED", "notes", "answered"));

        assertThat(customerNotices(answer, "RESOLVED")).extracting(Notification::text)
            .satisfiesExactly(first -> assertThat(first).contains("We have granted you a refund of 80.00."),
                    second -> assertThat(second).doesNotContain("refund", "80.00"));
    }

    private IntakeAnswer reached(String channel, CustomerDetails customer) {
        IntakeAnswer answer = driver.submit(channel, customer, "something is wrong");
        driver.complete(answer.handler().id(), driver.task(answer.caseNumber(), REACH_CUSTOMER), Map.of("reachNotes", "reached"));
        return answer;
    }

    private static CustomerDetails german() {
        CustomerDetails details = CaseDriver.newCustomer(HAMBURG);
        return new CustomerDetails(details.id(), details.name(), details.email(), details.phone(), details.postalCode(),
                details.country(), "de");
    }

    private Notification customerNotice(IntakeAnswer answer, String kind) {
        List<Notification> notices = customerNotices(answer, kind);
        assertThat(notices).as("%s notifications of %s", kind, answer.caseNumber()).hasSize(1);
        return notices.get(0);
    }

    private List<Notification> customerNotices(IntakeAnswer answer, String kind) {
        return cases.notifications(answer.caseNumber())
            .stream()
            .filter(n -> n.kind().name().equals(kind) && n.recipientKind() == Notification.RecipientKind.CUSTOMER)
            .toList();
    }

    private List<CaseEvent> events(IntakeAnswer answer, String type) {
        return cases.history(answer.caseNumber()).stream().filter(e -> e.type().name().equals(type)).toList();
    }

}
