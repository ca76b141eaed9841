package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.nohold.casefile.CaseRepository;
import io.nohold.contact.IntakeAnswer;
import io.nohold.customer.CustomerDetails;
import io.nohold.customer.CustomerRepository;
import io.nohold.directory.RegionDirectory;
import io.nohold.directory.Rep;
import io.nohold.directory.RepSchedules;
import io.nohold.directory.RepStatus;
import io.nohold.sla.SlaPolicy;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import io.nohold.testsupport.SlaTable;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Promises count the region's business hours, as the SLA policy row says. The demo region East (Dresden's postal
 * codes) is open 08:00–16:00 Warsaw time on weekdays, with Polish public holidays and 24 December closed; the windows
 * are the deployed table's, only the calendar reasoning is written out here.
 */
@NoHoldTest
class BusinessHoursPromiseTests {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    static final String DRESDEN = "01067";

    @Autowired
    CaseDriver driver;

    @Autowired
    SlaTable sla;

    @Autowired
    CaseRepository cases;

    @Autowired
    RegionDirectory directory;

    @Autowired
    RepSchedules schedules;

    @Autowired
    CustomerRepository customers;

    @AfterEach
    void cleanUp() {
        driver.reset();
    }

    @Test
    void aCallFiveMinutesBeforeFridayClosingFallsDueOnMondayMorning() {
        at("2027-03-05T15:55"); // a Friday
        SlaPolicy phone = sla.row("PHONE");

        IntakeAnswer call = driver.submit("PHONE", CaseDriver.newCustomer(DRESDEN), "my heating is off");

        // five open minutes on Friday, the rest from Monday's opening
        assertThat(call.promisedBy()).isEqualTo(warsaw("2027-03-08T08:00").plus(phone.firstResponse().minusMinutes(5)));
        assertThat(call.promisedBy().atZone(WARSAW).getDayOfWeek()).hasToString("MONDAY");
        assertThat(driver.task(call.caseNumber(), REACH_CUSTOMER).getDueDate().toInstant()).isEqualTo(call.promisedBy());
    }

    @Test
    void nothingFallsDueOverTheWeekend() {
        at("2027-03-05T15:59"); // one open minute left on Friday
        IntakeAnswer call = driver.submit("PHONE", CaseDriver.newCustomer(DRESDEN), "my heating is off");
        String own = call.handler().id();
        assertThat(cases.get(call.caseNumber()).personalWindowEndsAt())
            .isEqualTo(warsaw("2027-03-08T08:00").plus(sla.row("PHONE").personalWindow().minusMinutes(1)));

        driver.passTimeTo(warsaw("2027-03-08T07:59"), call.caseNumber());

        assertThat(driver.task(call.caseNumber(), REACH_CUSTOMER).getAssignee()).as("still the own rep's on Monday at 07:59")
            .isEqualTo(own);
        assertThat(cases.get(call.caseNumber()).handlerId()).isEqualTo(own);
    }

    @Test
    void aContactAtNightIsPromisedFromTheMorningOpening() {
        at("2027-03-09T22:30"); // a Tuesday night
        SlaPolicy chat = sla.row("CHAT");

        IntakeAnswer contact = driver.submit("CHAT", CaseDriver.newCustomer(DRESDEN), "are you there?");

        assertThat(contact.promisedBy()).isEqualTo(warsaw("2027-03-10T08:00").plus(chat.firstResponse()));
    }

    @Test
    void holidaysAndClosedDatesDoNotCount() {
        // Wednesday 23 December 2026; the 24th is a closed date, the 25th and 26th are Polish holidays, then a weekend
        at("2026-12-23T15:55");
        SlaPolicy phone = sla.row("PHONE");

        IntakeAnswer call = driver.submit("PHONE", CaseDriver.newCustomer(DRESDEN), "order for Christmas");

        assertThat(call.promisedBy()).isEqualTo(warsaw("2026-12-28T08:00").plus(phone.firstResponse().minusMinutes(5)));
    }

    @Test
    void theSupervisorsApprovalWindowCountsTheirBusinessHours() {
        at("2027-03-05T15:00");
        IntakeAnswer mail = driver.submit("EMAIL", CaseDriver.newCustomer(DRESDEN), "broken again");
        String handler = mail.handler().id();
        driver.complete(handler, driver.task(mail.caseNumber(), REACH_CUSTOMER), Map.of("reachNotes", "called"));
        at("2027-03-05T15:30");

        driver.complete(handler, driver.task(mail.caseNumber(), RESOLVE_CONTACT),
                Map.of("outcome", "ACCOMMODATION", "notes", "refund", "accommodationType", "REFUND", "accommodationAmount", 180,
                        "accommodationReason", "third time"));

        Task approval = driver.task(mail.caseNumber(), APPROVE_ACCOMMODATION);
        Duration window = sla.row("EMAIL").approvalWindow();
        Duration leftOnFriday = Duration.ofMinutes(30);
        Instant expected = window.compareTo(leftOnFriday) <= 0 ? warsaw("2027-03-05T15:30").plus(window)
                : warsaw("2027-03-08T08:00").plus(window.minus(leftOnFriday));
        assertThat(approval.getDueDate().toInstant()).isEqualTo(expected);
        assertThat(approval.getPriority()).as("supervisors' tasks come first").isEqualTo(90);
    }

    @Test
    void everyHourCountsForAPublicPostWhenTheRowSaysSo() {
        at("2027-03-09T14:00");
        SlaPolicy post = sla.row("SOCIAL", "STANDARD", true);

        IntakeAnswer answer = driver.submit("SOCIAL", CaseDriver.newCustomer(DRESDEN), "public complaint", true, false);

        assertThat(answer.promisedBy()).isEqualTo(sla.due("east", warsaw("2027-03-09T14:00"), post.firstResponse(), post.hours()));
        assertThat(driver.task(answer.caseNumber(), REACH_CUSTOMER).getPriority()).isEqualTo(post.taskPriority());
    }

    @Test
    void tasksTakeTheirPriorityFromTheRow() {
        at("2027-03-09T10:00");

        IntakeAnswer call = driver.submit("PHONE", CaseDriver.newCustomer(DRESDEN), "call");
        IntakeAnswer mail = driver.submit("EMAIL", CaseDriver.newCustomer(DRESDEN), "mail");

        assertThat(driver.task(call.caseNumber(), REACH_CUSTOMER).getPriority()).isEqualTo(sla.row("PHONE").taskPriority());
        assertThat(driver.task(mail.caseNumber(), REACH_CUSTOMER).getPriority()).isEqualTo(sla.row("EMAIL").taskPriority());
    }

    @Test
    void whenNobodyIsOnShiftAndAvailableThePromiseIsMadeForTheFirstMomentSomeoneIs() {
        at("2027-03-09T08:20"); // East is open, but only the early shift is on, and they are away
        List<Rep> onShift = directory.repsOf("east").stream().filter(rep -> schedules.onShift(rep, driver.now())).toList();
        assertThat(onShift).isNotEmpty();
        onShift.forEach(rep -> driver.setStatus(rep.id(), RepStatus.AWAY));
        Instant nextShift = directory.repsOf("east").stream()
            .filter(rep -> !onShift.contains(rep))
            .map(rep -> schedules.nextShiftStart(rep, driver.now()).orElseThrow())
            .min(Comparator.naturalOrder())
            .orElseThrow();

        IntakeAnswer chat = driver.submit("CHAT", CaseDriver.newCustomer(DRESDEN), "hello?");

        assertThat(chat.promisedBy()).as("not in a few minutes from now, but from when someone is there")
            .isEqualTo(nextShift.plus(sla.row("CHAT").firstResponse()));
        assertThat(chat.handler()).isNotNull();
        assertThat(onShift).extracting(Rep::id).doesNotContain(chat.handler().id());
        assertThat(schedules.onShift(directory.findRep(chat.handler().id()).orElseThrow(), nextShift)).isTrue();
    }

    @Test
    void aCustomerWhoseOwnRepIsOffShiftGetsTheNextBackupOnShiftAndKeepsTheirRep() {
        at("2027-03-09T15:00"); // a Tuesday afternoon: East's early shift has gone home
        String own = customers.findById("C-1011").orElseThrow().personalRepId();
        Rep ownRep = directory.findRep(own).orElseThrow();
        assertThat(schedules.onShift(ownRep, driver.now())).as("Katarzyna's rep is off shift now").isFalse();

        IntakeAnswer call = driver.submit("PHONE", new CustomerDetails("C-1011", null, null, null, null, null), "invoice",
                false, true);

        assertThat(call.personalRep().id()).isEqualTo(own);
        assertThat(call.handler().id()).isNotEqualTo(own);
        assertThat(schedules.onShift(directory.findRep(call.handler().id()).orElseThrow(), driver.now())).isTrue();
        assertThat(call.promisedBy()).as("someone is there now, so the promise counts from now")
            .isEqualTo(sla.due("east", driver.now(), sla.row("PHONE").firstResponse()));
    }

    @Test
    void aPublicPostAtNightCountsEveryHourFromWhenSomeoneIsOnShift() {
        at("2027-03-09T22:30");
        SlaPolicy post = sla.row("SOCIAL", "STANDARD", true);
        Instant firstShift = directory.repsOf("east").stream()
            .map(rep -> schedules.nextShiftStart(rep, driver.now()).orElseThrow())
            .min(Comparator.naturalOrder())
            .orElseThrow();

        IntakeAnswer answer = driver.submit("SOCIAL", CaseDriver.newCustomer(DRESDEN), "still no answer", true, false);

        assertThat(firstShift).isEqualTo(warsaw("2027-03-10T08:00"));
        assertThat(answer.promisedBy()).isEqualTo(sla.due("east", firstShift, post.firstResponse(), post.hours()));
    }

    private static Instant warsaw(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WARSAW).toInstant();
    }

    private static void at(String warsawTime) {
        ClockUtil.setCurrentTime(Date.from(warsaw(warsawTime)));
    }

}
