package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

import io.nohold.casefile.CaseEvent;
import io.nohold.casefile.CaseHistory;
import io.nohold.casefile.CaseRecord;
import io.nohold.casefile.CaseRepository;
import io.nohold.casefile.CaseState;
import io.nohold.casefile.Channel;
import io.nohold.contact.ContactRequest;
import io.nohold.contact.IntakeAnswer;
import io.nohold.customer.CustomerDetails;
import io.nohold.customer.CustomerRepository;
import io.nohold.escalation.SupervisorEscalationProcess;
import io.nohold.sla.SlaPolicy;
import io.nohold.casefile.Notification;
import io.nohold.casefile.NotificationOutbox;
import io.nohold.directory.RegionDirectory;
import io.nohold.directory.Rep;
import io.nohold.directory.RepStatus;
import io.nohold.testsupport.CaseAgreement;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import io.nohold.testsupport.ProcessCoverage;
import io.nohold.testsupport.SlaTable;
import io.nohold.testsupport.TestDatabase;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path through the contact lifecycle, driven through the real models with the engine clock moved by hand.
 * Names follow the lifecycle: a) identify, b) region, c) personal rep, d) handler and rings, e) promise, f) personal
 * handling, g) accommodation, h) supervisor escalation, i) follow-up, j) quiet period, k) joining an open case.
 */
@NoHoldTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactLifecycleProcessTests {

    static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T08:00:00Z");

    static final String HAMBURG = "20095";

    @Autowired
    CaseDriver driver;

    @Autowired
    ProcessEngine engine;

    @Autowired
    CaseRepository cases;

    @Autowired
    CaseHistory history;

    @Autowired
    NotificationOutbox outbox;

    @Autowired
    RegionDirectory directory;

    @Autowired
    CustomerRepository customers;

    @Autowired
    RuntimeService runtime;

    @Autowired
    SlaTable sla;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void startOnMondayMorning() {
        AbstractAssertions.init(engine);
        ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING));
    }

    /** The cases of this class's tests: what its coverage is measured on. */
    final Set<String> casesOfThisClass = new HashSet<>();

    @AfterEach
    void caseRecordAgreesWithTheEngine(@Autowired CaseAgreement agreement) {
        try {
            casesOfThisClass.addAll(driver.touchedCases());
            driver.touchedCases().forEach(agreement::check);
        }
        finally {
            driver.reset();
        }
    }

    @AfterAll
    void writeCoverage(@Autowired HistoryService historyService) throws Exception {
        List<ProcessCoverage.Result> results = List.of(
                ProcessCoverage.measure(historyService, ContactLifecycleProcess.KEY, Path.of("processes", ContactLifecycleProcess.RESOURCE),
                        casesOfThisClass),
                ProcessCoverage.measure(historyService, SupervisorEscalationProcess.KEY,
                        Path.of("processes", SupervisorEscalationProcess.RESOURCE), casesOfThisClass));
        ProcessCoverage.write(Path.of("target", TestDatabase.postgres() ? "process-test-coverage-postgres" : "process-test-coverage"), results);
        for (ProcessCoverage.Result result : results) {
            assertThat(result.percent()).as("coverage of %s; not covered: %s", result.processKey(), result.missed())
                .isGreaterThanOrEqualTo(90.0);
        }
    }

    // a) identify the customer

    @Test
    void a_returningCustomerIsRecognisedByIdThenEmailThenPhone() {
        IntakeAnswer byId = driver.submit("EMAIL", new CustomerDetails("C-1003", null, null, null, null, null), "by id", false, true);
        IntakeAnswer byEmail = driver.submit("EMAIL", new CustomerDetails(null, null, "GRETA.Schulz@Example.COM", null, null, null),
                "by e-mail", false, true);
        IntakeAnswer byPhone = driver.submit("PHONE", new CustomerDetails(null, null, null, "0049 (30) 555-0103", null, null),
                "by phone", false, true);

        assertThat(List.of(byId.customerId(), byEmail.customerId(), byPhone.customerId())).containsOnly("C-1003");
        assertThat(byId.personalRep().id()).isEqualTo(byPhone.personalRep().id());
    }

    @Test
    void a_unknownCustomerIsRegistered() {
        CustomerDetails stranger = new CustomerDetails(null, "Rita Stranger", "rita.stranger@example.com", "+49 40 999 0001",
                "22041", "DE");

        IntakeAnswer answer = driver.submit("CHAT", stranger, "hello");

        assertThat(answer.customerId()).isNotBlank();
        assertThat(customers.findById(answer.customerId())).hasValueSatisfying(customer -> {
            assertThat(customer.name()).isEqualTo("Rita Stranger");
            assertThat(customer.regionId()).isEqualTo("north");
            assertThat(customer.personalRepId()).isEqualTo(answer.personalRep().id());
        });
    }

    // b) region lookup

    @Test
    void b_regionComesFromPostalCodeBeforePhoneBeforeCountry() {
        IntakeAnswer postal = driver.submit("EMAIL", details("80331", "+49 40 5551234", "FR"), "postal code wins");
        IntakeAnswer phone = driver.submit("EMAIL", details(null, "+49 40 5554321", "FR"), "phone next");
        IntakeAnswer country = driver.submit("EMAIL", details(null, null, "FR"), "country last");

        assertThat(postal.region()).isEqualTo("south");
        assertThat(phone.region()).isEqualTo("north");
        assertThat(country.region()).isEqualTo("west");
        assertThat(cases.get(country.caseNumber()).regionUnresolved()).isFalse();
    }

    @Test
    void b_unmatchedContactGoesToTheDefaultRegionMarkedForSupervisors() {
        IntakeAnswer answer = driver.submit("WEB", details(null, "+1 212 555 0100", "US"), "from abroad");

        CaseRecord record = cases.get(answer.caseNumber());
        assertThat(record.regionId()).isEqualTo("north");
        assertThat(record.regionUnresolved()).isTrue();
        assertThat(notifications(answer, "REGION_UNRESOLVED")).extracting(Notification::recipient).containsExactly("supervisors-north");
        assertThat(driver.instance(answer.caseNumber())).isWaitingAt(REACH_CUSTOMER);
    }

    // c) personal rep

    @Test
    void c_newCustomerGetsTheRepWithFewestCustomersAndKeepsThem() {
        Rep fewest = directory.repsOf("east")
            .stream()
            .min((a, b) -> customersOf(a) != customersOf(b) ? Long.compare(customersOf(a), customersOf(b))
                    : Integer.compare(a.backupRank(), b.backupRank()))
            .orElseThrow();
        CustomerDetails customer = CaseDriver.newCustomer("01067");

        IntakeAnswer first = driver.submit("EMAIL", customer, "first");
        driver.setStatus(fewest.id(), RepStatus.AWAY);
        IntakeAnswer second = driver.submit("EMAIL", customer, "second", false, true);

        assertThat(first.personalRep().id()).isEqualTo(fewest.id());
        assertThat(second.personalRep().id()).isEqualTo(fewest.id());
        assertThat(second.handler().id()).isNotEqualTo(fewest.id());
        assertThat(customers.findById(first.customerId()).orElseThrow().personalRepId()).isEqualTo(fewest.id());
    }

    // d) handler and SLA rings

    @Test
    void d_ownRepAwayMeansTheFirstAvailableNamedBackupHandlesIt() {
        CustomerDetails customer = CaseDriver.newCustomer(HAMBURG);
        IntakeAnswer first = driver.submit("PHONE", customer, "first");
        String own = first.personalRep().id();
        driver.setStatus(own, RepStatus.AWAY);

        IntakeAnswer second = driver.submit("PHONE", customer, "while away", false, true);

        assertThat(first.handler().id()).isEqualTo(own);
        assertThat(second.personalRep().id()).isEqualTo(own);
        assertThat(second.handler().id()).isEqualTo(firstBackupOf("north", own));
        assertThat(driver.task(second.caseNumber(), REACH_CUSTOMER).getAssignee()).isEqualTo(second.handler().id());
    }

    @Test
    void d_personalWindowElapsedMovesToTheNamedBackupAndTellsBoth() {
        IntakeAnswer answer = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "call me");
        String own = answer.personalRep().id();
        Instant windowEnds = cases.get(answer.caseNumber()).personalWindowEndsAt();
        assertThat(windowEnds).isEqualTo(sla.due("north", MONDAY_MORNING, sla.row("PHONE").personalWindow()));

        driver.passTimeTo(windowEnds.minusSeconds(1), answer.caseNumber());
        assertThat(driver.task(answer.caseNumber(), REACH_CUSTOMER).getAssignee()).as("not before the window ends").isEqualTo(own);
        driver.passTimeTo(windowEnds.plusSeconds(1), answer.caseNumber());

        String backup = firstBackupOf("north", own);
        assertThat(driver.task(answer.caseNumber(), REACH_CUSTOMER).getAssignee()).isEqualTo(backup);
        assertThat(notifications(answer, "HANDED_OVER")).extracting(Notification::recipient).containsExactlyInAnyOrder(own, backup);
        CaseRecord record = cases.get(answer.caseNumber());
        assertThat(record.handlerId()).isEqualTo(backup);
        assertThat(record.personalRepId()).isEqualTo(own);
        Task handedOver = driver.task(answer.caseNumber(), REACH_CUSTOMER);
        Map<String, Object> form = engine.getFormService().getTaskFormVariables(handedOver.getId());
        assertThat(form.get("handlerName")).isEqualTo(directory.findRep(backup).orElseThrow().name());
        assertThat((String) form.get("caseHistory")).as("the history reads as sentences")
            .contains("Handed to " + directory.findRep(backup).orElseThrow().name() + " as named backup: personal window elapsed")
            .doesNotContain("HANDED_OVER_TO_BACKUP", "handed over to backup");
        assertThat(engine.getTaskService().getVariablesLocal(handedOver.getId())).as("form values are not stored").isEmpty();
        assertThat(events(answer, "HANDED_OVER_TO_BACKUP")).hasSize(1);
    }

    @Test
    void d_missedFirstResponseOffersItToTheTeamAndTellsSupervisorsThePromiseIsBroken() {
        IntakeAnswer answer = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "call me");

        driver.passTimeTo(cases.get(answer.caseNumber()).personalWindowEndsAt().plusSeconds(1), answer.caseNumber());
        driver.passTimeTo(answer.promisedBy().plusSeconds(1), answer.caseNumber());

        Task reach = driver.task(answer.caseNumber(), REACH_CUSTOMER);
        assertThat(reach.getAssignee()).isNull();
        assertThat(driver.candidateGroups(reach)).containsExactly("reps-north");
        assertThat(notifications(answer, "PROMISE_BROKEN")).extracting(Notification::recipient).containsExactly("supervisors-north");
        assertThat(cases.get(answer.caseNumber()).handlerId()).isNull();
        assertThat(engine.getFormService().getTaskFormVariables(reach.getId()).get("handlerName")).as("the form says who holds it now")
            .isEqualTo("the North team");

        String teammate = directory.repsOf("north").get(2).id();
        driver.complete(teammate, reach, Map.of("reachNotes", "called back late, apologised"));

        assertThat(cases.get(answer.caseNumber()).handlerId()).isEqualTo(teammate);
        assertThat(driver.task(answer.caseNumber(), RESOLVE_CONTACT).getAssignee()).isEqualTo(teammate);
    }

    @Test
    void d_nobodyAvailableOffersItToTheTeamAtOnceWithSupervisorsTold() {
        directory.repsOf("north").forEach(rep -> driver.setStatus(rep.id(), RepStatus.OFF));

        IntakeAnswer answer = driver.submit("CHAT", CaseDriver.newCustomer(HAMBURG), "anyone there?");

        assertThat(answer.handler()).isNull();
        assertThat(answer.offeredTo()).isEqualTo("reps-north");
        assertThat(driver.candidateGroups(driver.task(answer.caseNumber(), REACH_CUSTOMER))).containsExactly("reps-north");
        assertThat(notifications(answer, "NO_REP_AVAILABLE")).extracting(Notification::recipient).containsExactly("supervisors-north");
    }

    @Test
    void d_theHolderIsRemindedBeforeThePromiseFallsDue() {
        IntakeAnswer answer = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "call me");
        SlaPolicy row = sla.row("PHONE");
        Instant reminder = sla.due("north", MONDAY_MORNING, row.firstResponse().minus(row.reminderBefore()));

        driver.passTimeTo(reminder.minusSeconds(1), answer.caseNumber());
        assertThat(notifications(answer, "PROMISE_DUE_SOON")).as("not before the reminder is due").isEmpty();

        driver.passTimeTo(reminder.plusSeconds(1), answer.caseNumber());
        String holder = cases.get(answer.caseNumber()).handlerId();
        assertThat(notifications(answer, "PROMISE_DUE_SOON")).singleElement().satisfies(n -> {
            assertThat(n.recipient()).isEqualTo(holder);
            assertThat(n.text()).contains("Please reach them now");
        });
        assertThat(events(answer, "PROMISE_DUE_SOON")).hasSize(1);
        assertThat(driver.instance(answer.caseNumber())).hasPassed(PROMISE_DUE_SOON, REMIND_HANDLER)
            .isWaitingAt(REACH_CUSTOMER);
        assertThat(answer.promisedBy()).as("the reminder leaves time to keep the promise").isAfter(driver.now());
    }

    // e) the promise

    @Test
    void e_promiseIsReceivedTimePlusTheFirstResponseWindowOfThePolicy() {
        IntakeAnswer phone = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "phone");
        IntakeAnswer chat = driver.submit("CHAT", CaseDriver.newCustomer(HAMBURG), "chat");
        IntakeAnswer premiumPhone = driver.submit("PHONE", new CustomerDetails("C-1005", null, null, null, null, null), "premium",
                false, true);
        IntakeAnswer publicPost = driver.submit("SOCIAL", CaseDriver.newCustomer(HAMBURG), "public rant", true, false);

        assertThat(phone.promisedBy()).isEqualTo(sla.due("north", MONDAY_MORNING, sla.row("PHONE").firstResponse()));
        assertThat(chat.promisedBy()).isEqualTo(sla.due("north", MONDAY_MORNING, sla.row("CHAT").firstResponse()));
        assertThat(premiumPhone.promisedBy())
            .isEqualTo(sla.due("north", MONDAY_MORNING, sla.row("PHONE", "PREMIUM", false).firstResponse()));
        SlaPolicy post = sla.row("SOCIAL", "STANDARD", true);
        assertThat(publicPost.promisedBy()).isEqualTo(sla.due("north", MONDAY_MORNING, post.firstResponse(), post.hours()));
        assertThat(notifications(phone, "PROMISE")).singleElement()
            .satisfies(n -> assertThat(n.text()).contains(phone.handler().name().split(" ")[0]).contains("North team")
                .contains("by " + phone.promisedByText()));
    }

    @Test
    void e_theChosenRowOfThePolicyIsKeptInTheCaseFileNotInTheProcessInstance() {
        IntakeAnswer premiumPhone = driver.submit("PHONE", new CustomerDetails("C-1005", null, null, null, null, null), "premium",
                false, true);

        SlaPolicy premium = sla.row("PHONE", "PREMIUM", false);
        assertThat(cases.get(premiumPhone.caseNumber()).slaPolicy())
            .as("the row for a premium customer's call, not the standard one").isEqualTo(premium)
            .isNotEqualTo(sla.row("PHONE"));
        assertThat(driver.task(premiumPhone.caseNumber(), REACH_CUSTOMER).getPriority()).as("the row's priority")
            .isEqualTo(premium.taskPriority());
        assertThat(runtime.getVariables(driver.instance(premiumPhone.caseNumber()).getId()))
            .as("neither the row's values nor a serialized copy of it are process variables")
            .doesNotContainKeys(ContactLifecycleProcess.Variables.SLA_POLICY, SlaPolicy.Outputs.PERSONAL_WINDOW,
                    SlaPolicy.Outputs.FIRST_RESPONSE, SlaPolicy.Outputs.RESOLUTION, SlaPolicy.Outputs.REMINDER_BEFORE,
                    SlaPolicy.Outputs.APPROVAL_WINDOW, SlaPolicy.Outputs.ESCALATION_WINDOW, SlaPolicy.Outputs.QUIET_PERIOD,
                    SlaPolicy.Outputs.SLA_HOURS, SlaPolicy.Outputs.TASK_PRIORITY);
    }

    @Test
    void e_aLifecycleFromBeforeTheCaseFileKeptTheRowUsesTheRowInItsVariables() {
        IntakeAnswer answer = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "my lamp flickers");
        String instance = driver.instance(answer.caseNumber()).getId();
        // as such a case stands: the case file has no row, the instance has the row's values (with its own priority)
        jdbc.sql("UPDATE support_case SET sla_personal_window = NULL, sla_first_response = NULL, sla_resolution = NULL,"
                + " sla_reminder_before = NULL, sla_approval_window = NULL, sla_escalation_window = NULL,"
                + " sla_quiet_period = NULL, sla_hours = NULL, sla_task_priority = NULL WHERE case_number = ?")
            .param(answer.caseNumber())
            .update();
        SlaPolicy phone = sla.row("PHONE");
        SlaPolicy kept = new SlaPolicy(phone.personalWindow(), phone.firstResponse(), phone.resolution(),
                phone.reminderBefore(), phone.approvalWindow(), phone.escalationWindow(), phone.quietPeriod(),
                phone.hours(), phone.taskPriority() == 7 ? 8 : 7);
        runtime.setVariables(instance, keptAsVariables(kept));
        assertThat(cases.get(answer.caseNumber()).slaPolicy()).isNull();

        driver.complete(answer.handler().id(), driver.task(answer.caseNumber(), REACH_CUSTOMER), Map.of("reachNotes", "called back"));

        assertThat(driver.task(answer.caseNumber(), RESOLVE_CONTACT).getPriority()).as("the priority the instance keeps")
            .isEqualTo(kept.taskPriority());
        assertThat(runtime.getVariable(instance, SlaPolicy.Outputs.TASK_PRIORITY)).isEqualTo(kept.taskPriority());
    }

    private static Map<String, Object> keptAsVariables(SlaPolicy policy) {
        return Map.of(SlaPolicy.Outputs.PERSONAL_WINDOW, policy.personalWindow().toString(),
                SlaPolicy.Outputs.FIRST_RESPONSE, policy.firstResponse().toString(),
                SlaPolicy.Outputs.RESOLUTION, policy.resolution().toString(),
                SlaPolicy.Outputs.REMINDER_BEFORE, policy.reminderBefore().toString(),
                SlaPolicy.Outputs.APPROVAL_WINDOW, policy.approvalWindow().toString(),
                SlaPolicy.Outputs.ESCALATION_WINDOW, policy.escalationWindow().toString(),
                SlaPolicy.Outputs.QUIET_PERIOD, policy.quietPeriod().toString(),
                SlaPolicy.Outputs.SLA_HOURS, policy.hours().name(),
                SlaPolicy.Outputs.TASK_PRIORITY, policy.taskPriority());
    }

    // f) personal handling

    @Test
    void f_handlerReachesAndResolvesAndTheCustomerIsToldTheOutcome() {
        IntakeAnswer answer = driver.submit("PHONE", CaseDriver.newCustomer(HAMBURG), "my lamp flickers");
        String handler = answer.handler().id();

        driver.complete(handler, driver.task(answer.caseNumber(), REACH_CUSTOMER), Map.of("reachNotes", "called back at once"));
        driver.complete(handler, driver.task(answer.caseNumber(), RESOLVE_CONTACT),
                Map.of("outcome", "RESOLVED", "notes", "loose bulb, fixed together on the phone"));

        assertThat(driver.instance(answer.caseNumber())).isWaitingAt(QUIET_PERIOD).hasPassed(CONFIRM_OUTCOME);
        CaseRecord record = cases.get(answer.caseNumber());
        assertThat(record.state()).isEqualTo(CaseState.RESOLVED);
        assertThat(record.resolvedBy()).isEqualTo(handler);
        assertThat(events(answer, "Resolve contact")).singleElement()
            .satisfies(e -> assertThat(e.detail()).isEqualTo("loose bulb, fixed together on the phone"));
        assertThat(notifications(answer, "RESOLVED")).singleElement()
            .satisfies(n -> assertThat(n.text()).contains("resolved").doesNotContainIgnoringCase("offer"));
    }

    // g) accommodations

    @Test
    void g_accommodationWithinAuthorityIsGrantedAndTheContactResolved() {
        IntakeAnswer answer = reachedCase("EMAIL");

        driver.complete(answer.handler().id(), driver.task(answer.caseNumber(), RESOLVE_CONTACT),
                Map.of("outcome", "ACCOMMODATION", "notes", "refund for the broken lamp", "accommodationType", "REFUND",
                        "accommodationAmount", 80, "accommodationReason", "lamp broken on arrival"));

        assertThat(driver.instance(answer.caseNumber())).hasPassed(GRANT_ACCOMMODATION).isWaitingAt(QUIET_PERIOD);
        assertThat(events(answer, "ACCOMMODATION_GRANTED")).singleElement()
            .satisfies(e -> assertThat(e.outcome()).isEqualTo("WITHIN_AUTHORITY"));
        assertThat(notifications(answer, "RESOLVED")).singleElement().satisfies(n -> assertThat(n.text()).contains("refund of 80.00"));
    }

    @Test
    void g_accommodationAboveAuthorityWaitsForSupervisorApprovalAndTheDecisionReturnsToTheHandler() {
        IntakeAnswer answer = reachedCase("EMAIL");
        String handler = answer.handler().id();

        driver.complete(handler, driver.task(answer.caseNumber(), RESOLVE_CONTACT),
                Map.of("outcome", "ACCOMMODATION", "notes", "big refund", "accommodationType", "REFUND",
                        "accommodationAmount", 180, "accommodationReason", "second broken lamp"));

        Task approval = driver.task(answer.caseNumber(), APPROVE_ACCOMMODATION);
        assertThat(driver.candidateGroups(approval)).containsExactly("supervisors-north");
        Instant approvalDue = sla.due("north", driver.now(), sla.row("EMAIL").approvalWindow());
        assertThat(approval.getDueDate().toInstant()).isEqualTo(approvalDue);
        assertThat(cases.get(answer.caseNumber()).state()).isEqualTo(CaseState.AWAITING_APPROVAL);

        driver.passTimeTo(approvalDue.plusSeconds(1), answer.caseNumber());
        assertThat(notifications(answer, "APPROVAL_OVERDUE")).extracting(Notification::recipient).containsExactly("head-of-service");

        driver.complete("sam", approval, Map.of("approvalDecision", "APPROVED", "supervisorGuidance", "fine, she is a loyal customer"));

        Task resolve = driver.task(answer.caseNumber(), RESOLVE_CONTACT);
        assertThat(resolve.getAssignee()).isEqualTo(handler);
        assertThat((String) runtime.getVariable(resolve.getProcessInstanceId(), "approvalDecisionText")).startsWith("Approved by Sam Norden");
        assertThat(runtime.getVariable(resolve.getProcessInstanceId(), "notes")).as("the handler writes new notes").isNull();
        assertThat(events(answer, "ACCOMMODATION_GRANTED")).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("sam"));

        driver.complete(handler, resolve, Map.of("outcome", "RESOLVED", "notes", "told her the refund is on its way"));
        assertThat(cases.get(answer.caseNumber()).state()).isEqualTo(CaseState.RESOLVED);
    }

    // h) supervisor escalation

    @Test
    void h_customerAskingForASupervisorGetsTheRegionsSupervisorWhoResolvesIt() {
        IntakeAnswer answer = reachedCase("PHONE");

        driver.complete(answer.handler().id(), driver.task(answer.caseNumber(), RESOLVE_CONTACT),
                Map.of("outcome", "SUPERVISOR_REQUESTED", "notes", "wants to speak to a manager"));

        Task escalation = driver.task(answer.caseNumber(), SupervisorEscalationProcess.Elements.HANDLE_ESCALATION);
        assertThat(driver.candidateGroups(escalation)).containsExactly("supervisors-north");
        Instant escalationDue = sla.due("north", driver.now(), sla.row("PHONE").escalationWindow());
        assertThat(escalation.getDueDate().toInstant()).isEqualTo(escalationDue);
        assertThat(cases.get(answer.caseNumber()).state()).isEqualTo(CaseState.ESCALATED);

        driver.passTimeTo(escalationDue.plusSeconds(1), answer.caseNumber());
        assertThat(notifications(answer, "ESCALATION_OVERDUE")).extracting(Notification::recipient).containsExactly("head-of-service");

        driver.complete("sam", escalation, Map.of("escalationResult", "RESOLVED", "supervisorGuidance", "called her, sorted"));

        assertThat(driver.escalation(answer.caseNumber())).isNull();
        assertThat(driver.instance(answer.caseNumber())).isWaitingAt(QUIET_PERIOD);
        CaseRecord record = cases.get(answer.caseNumber());
        assertThat(record.state()).isEqualTo(CaseState.RESOLVED);
        assertThat(record.resolvedBy()).isEqualTo("sam");
    }

    @Test
    void h_missedResolutionDeadlineEscalatesAndTheSupervisorReturnsItWithGuidance() {
        IntakeAnswer answer = reachedCase("EMAIL");
        Instant resolutionDue = cases.get(answer.caseNumber()).resolutionDueAt();
        assertThat(resolutionDue).isEqualTo(sla.due("north", MONDAY_MORNING, sla.row("EMAIL").resolution()));

        driver.passTimeTo(resolutionDue.plusSeconds(1), answer.caseNumber());

        assertThat(driver.instance(answer.caseNumber())).hasPassed(RESOLUTION_DEADLINE_MISSED);
        assertThat(events(answer, "ESCALATION_OPENED")).singleElement()
            .satisfies(e -> assertThat(e.outcome()).isEqualTo("RESOLUTION_DEADLINE_MISSED"));
        Task escalation = driver.task(answer.caseNumber(), SupervisorEscalationProcess.Elements.HANDLE_ESCALATION);

        driver.complete("sam", escalation, Map.of("escalationResult", "RETURNED_TO_HANDLER", "supervisorGuidance",
                "offer a replacement"));

        Task resolve = driver.task(answer.caseNumber(), RESOLVE_CONTACT);
        assertThat(resolve.getAssignee()).isEqualTo(answer.handler().id());
        assertThat(resolve.getDueDate().toInstant()).isEqualTo(sla.due("north", driver.now(), sla.row("EMAIL").resolution()));
        assertThat(runtime.getVariable(resolve.getProcessInstanceId(), "supervisorGuidance")).isEqualTo("offer a replacement");
        assertThat(notifications(answer, "RETURNED_TO_HANDLER")).extracting(Notification::recipient)
            .containsExactly(answer.handler().id());
    }

    // i) follow-up

    @Test
    void i_followUpWaitsUntilTheDateThenGoesBackToTheSameHandler() {
        IntakeAnswer answer = reachedCase("EMAIL");

        driver.complete(answer.handler().id(), driver.task(answer.caseNumber(), RESOLVE_CONTACT),
                Map.of("outcome", "FOLLOW_UP", "notes", "waiting for the spare part", "followUpDate", "2026-03-04T08:00"));

        assertThat(driver.instance(answer.caseNumber())).isWaitingAt(WAIT_FOR_FOLLOW_UP);
        assertThat(cases.get(answer.caseNumber()).state()).isEqualTo(CaseState.FOLLOW_UP);

        driver.passTime(Duration.ofDays(2).plusHours(1).plusMinutes(1), answer.caseNumber());

        assertThat(driver.instance(answer.caseNumber())).hasPassed(FOLLOW_UP_DUE, RESUME_WITH_HANDLER);
        assertThat(driver.task(answer.caseNumber(), RESOLVE_CONTACT).getAssignee()).isEqualTo(answer.handler().id());
        assertThat(driver.task(answer.caseNumber(), REACH_CUSTOMER)).isNull();
        assertThat(cases.get(answer.caseNumber()).state()).isEqualTo(CaseState.OPEN);
    }

    @Test
    void i_aFollowUpTimeIsTheRegionsWallClockTimeAsTheDeskShowsIt() {
        IntakeAnswer answer = reachedCase("EMAIL");

        // 15:30 in Hamburg in March is 14:30 UTC
        driver.complete(answer.handler().id(), driver.task(answer.caseNumber(), RESOLVE_CONTACT),
                Map.of("outcome", "FOLLOW_UP", "notes", "call after the delivery", "followUpDate", "2026-03-04T15:30"));
        assertThat(events(answer, "FOLLOW_UP_PLANNED")).singleElement()
            .extracting(e -> e.detail()).asString().contains("Wednesday 4 March, 15:30 CET");

        driver.passTimeTo(Instant.parse("2026-03-04T14:29:00Z"), answer.caseNumber());
        assertThat(driver.instance(answer.caseNumber())).isWaitingAt(WAIT_FOR_FOLLOW_UP);
        driver.passTimeTo(Instant.parse("2026-03-04T14:31:00Z"), answer.caseNumber());
        assertThat(driver.task(answer.caseNumber(), RESOLVE_CONTACT).getAssignee()).isEqualTo(answer.handler().id());
    }

    @Test
    void i_customersReplyEndsTheFollowUpWaitEarly() {
        CustomerDetails customer = CaseDriver.newCustomer(HAMBURG);
        IntakeAnswer answer = reachedCase("EMAIL", customer);
        driver.complete(answer.handler().id(), driver.task(answer.caseNumber(), RESOLVE_CONTACT),
                Map.of("outcome", "FOLLOW_UP", "notes", "will check next week", "followUpDate", "2026-03-09T10:00"));

        IntakeAnswer reply = driver.submit("EMAIL", customer, "the part arrived already");

        assertThat(reply.joinedOpenCase()).isTrue();
        assertThat(reply.caseNumber()).isEqualTo(answer.caseNumber());
        assertThat(driver.instance(answer.caseNumber())).hasPassed(CUSTOMER_REPLIED_DURING_FOLLOW_UP);
        assertThat(driver.task(answer.caseNumber(), RESOLVE_CONTACT).getAssignee()).isEqualTo(answer.handler().id());
    }

    // j) quiet period

    @Test
    void j_replyWithinTheQuietPeriodReopensTheCaseWithTheSamePerson() {
        CustomerDetails customer = CaseDriver.newCustomer(HAMBURG);
        IntakeAnswer answer = resolvedCase(customer);

        driver.passTime(Duration.ofDays(3), answer.caseNumber());
        IntakeAnswer reply = driver.submit("CHAT", customer, "it flickers again");

        assertThat(reply.caseNumber()).isEqualTo(answer.caseNumber());
        assertThat(reply.joinedOpenCase()).isTrue();
        assertThat(reply.handler().id()).isEqualTo(answer.personalRep().id());
        assertThat(reply.promisedBy()).as("promised by the policy of the reply's own channel")
            .isEqualTo(sla.due("north", driver.now(), sla.row("CHAT").firstResponse()));
        assertThat(cases.get(answer.caseNumber()).receivedAt()).as("opened when the first contact came").isEqualTo(MONDAY_MORNING);
        assertThat(cases.get(answer.caseNumber()).promisedBy()).as("the case keeps the promise the customer was told")
            .isEqualTo(reply.promisedBy());
        assertThat(driver.task(answer.caseNumber(), REACH_CUSTOMER).getDueDate().toInstant()).isEqualTo(reply.promisedBy());
        assertThat(cases.get(answer.caseNumber()).slaPolicy()).as("the reply's row is the case's row from now on")
            .isEqualTo(sla.row("CHAT"));
        assertThat(driver.task(answer.caseNumber(), REACH_CUSTOMER).getPriority()).isEqualTo(sla.row("CHAT").taskPriority());
        assertThat(driver.instance(answer.caseNumber())).hasPassed(CUSTOMER_REPLIED, REOPEN_CASE).isWaitingAt(REACH_CUSTOMER);
        assertThat(driver.task(answer.caseNumber(), REACH_CUSTOMER).getAssignee()).isEqualTo(answer.personalRep().id());
        assertThat(cases.get(answer.caseNumber()).state()).isEqualTo(CaseState.OPEN);
    }

    @Test
    void j_caseClosesAfterSevenQuietDaysAndTheNextContactOpensANewCase() {
        CustomerDetails customer = CaseDriver.newCustomer(HAMBURG);
        IntakeAnswer answer = resolvedCase(customer);
        Instant quietPeriodEnds = ((java.util.Date) runtime.getVariable(driver.instance(answer.caseNumber()).getId(),
                "quietPeriodEndsAt")).toInstant();
        assertThat(quietPeriodEnds).isAfterOrEqualTo(driver.now().plus(sla.row("EMAIL").quietPeriod()));

        driver.passTimeTo(quietPeriodEnds.minusSeconds(1), answer.caseNumber());
        assertThat(driver.instance(answer.caseNumber())).isWaitingAt(QUIET_PERIOD);
        driver.passTimeTo(quietPeriodEnds.plusSeconds(1), answer.caseNumber());

        assertThat(driver.instance(answer.caseNumber())).isNull();
        assertThat(cases.get(answer.caseNumber()).state()).isEqualTo(CaseState.CLOSED);
        IntakeAnswer later = driver.submit("EMAIL", customer, "new question");
        assertThat(later.joinedOpenCase()).isFalse();
        assertThat(later.caseNumber()).isNotEqualTo(answer.caseNumber());
        assertThat(later.personalRep().id()).isEqualTo(answer.personalRep().id());
    }

    // k) a contact joins the open case

    @Test
    void k_aNewContactJoinsTheOpenCaseAndTheHandlerIsTold() {
        CustomerDetails customer = CaseDriver.newCustomer(HAMBURG);
        IntakeAnswer first = driver.submit("EMAIL", customer, "my order is late");

        IntakeAnswer second = driver.submit("PHONE", customer, "calling about my e-mail");

        assertThat(second.joinedOpenCase()).isTrue();
        assertThat(second.caseNumber()).isEqualTo(first.caseNumber());
        assertThat(notifications(first, "CONTACT_JOINED")).extracting(Notification::recipient).containsExactly(first.handler().id());
        assertThat(events(first, "CONTACT_JOINED")).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE case_number = ?").param(first.caseNumber()).query(Long.class).single())
            .isEqualTo(2);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(first.caseNumber()).count()).isEqualTo(1);
    }

    @Test
    void k_aNewTopicOpensASecondCaseWithTheSamePersonalRep() {
        CustomerDetails customer = CaseDriver.newCustomer(HAMBURG);
        IntakeAnswer first = driver.submit("EMAIL", customer, "my order is late");

        IntakeAnswer other = driver.submit("EMAIL", customer, "and a question about invoices", false, true);

        assertThat(other.joinedOpenCase()).isFalse();
        assertThat(other.caseNumber()).isNotEqualTo(first.caseNumber());
        assertThat(other.personalRep()).isEqualTo(first.personalRep());
    }

    @Test
    void k_aChatOnAnOverdueEmailCaseIsPromisedByTheChatPolicyFromNow() {
        CustomerDetails customer = CaseDriver.newCustomer(HAMBURG);
        IntakeAnswer mail = reachedCase("EMAIL", customer);
        driver.passTime(Duration.ofDays(2), mail.caseNumber());

        IntakeAnswer chat = driver.submit("CHAT", customer, "still waiting, hello?");

        assertThat(chat.caseNumber()).isEqualTo(mail.caseNumber());
        assertThat(chat.promisedBy()).isAfter(driver.now())
            .isEqualTo(sla.due("north", driver.now(), sla.row("CHAT").firstResponse()));
        assertThat(notifications(mail, "CONTACT_JOINED")).singleElement()
            .satisfies(n -> assertThat(n.text()).contains("(chat)").contains("promised by " + chat.promisedByText()));
        assertThat(cases.get(mail.caseNumber()).receivedAt()).isEqualTo(MONDAY_MORNING);
    }

    @Test
    void k_aContactNamingItsCaseJoinsThatCaseNotTheNewest() {
        CustomerDetails customer = CaseDriver.newCustomer(HAMBURG);
        IntakeAnswer first = driver.submit("EMAIL", customer, "my order is late");
        IntakeAnswer second = driver.submit("EMAIL", customer, "a question about invoices", false, true);

        IntakeAnswer reply = driver.submit(new ContactRequest("EMAIL", "ext-" + java.util.UUID.randomUUID(), customer,
                "Re: my order is late", "it arrived, thanks", false, false, first.caseNumber()));

        assertThat(second.caseNumber()).isNotEqualTo(first.caseNumber());
        assertThat(reply.caseNumber()).isEqualTo(first.caseNumber());
        assertThat(reply.joinedOpenCase()).isTrue();
    }

    @Test
    void k_theFormShowsTheWholeCustomerAndWhatTheyWroteSinceTheTaskWasCreated() {
        CustomerDetails customer = new CustomerDetails(null, "Fenja Holm", "fenja.holm." + java.util.UUID.randomUUID()
                + "@example.com", "+49 40 5550199", HAMBURG, "DE");
        IntakeAnswer other = driver.submit("EMAIL", customer, "invoice question", false, true);
        IntakeAnswer answer = driver.submit("PHONE", customer, "the lamp flickers", false, true);
        Task reach = driver.task(answer.caseNumber(), REACH_CUSTOMER);

        driver.submit(new ContactRequest("CHAT", "ext-" + java.util.UUID.randomUUID(), customer, null,
                "now it does not switch on at all", false, false, answer.caseNumber()));

        Map<String, Object> form = engine.getFormService().getTaskFormVariables(reach.getId());
        assertThat(form).containsEntry("customerName", "Fenja Holm")
            .containsEntry("customerPhone", "+49 40 5550199")
            .containsEntry("customerEmail", customer.email())
            .containsEntry("customerTier", "standard")
            .containsEntry("personalRepName", answer.personalRep().name())
            .containsEntry("message", "now it does not switch on at all");
        assertThat((String) form.get("otherOpenCases")).contains(other.caseNumber()).contains("About invoice question")
            .doesNotContain(answer.caseNumber());
        assertThat((String) form.get("caseHistory")).contains("The customer got in touch by phone: \"the lamp flickers\"")
            .contains("The customer wrote again by chat: \"now it does not switch on at all\"");
    }

    private IntakeAnswer reachedCase(String channel) {
        return reachedCase(channel, CaseDriver.newCustomer(HAMBURG));
    }

    private IntakeAnswer reachedCase(String channel, CustomerDetails customer) {
        IntakeAnswer answer = driver.submit(channel, customer, "something is wrong");
        driver.complete(answer.handler().id(), driver.task(answer.caseNumber(), REACH_CUSTOMER), Map.of("reachNotes", "reached"));
        return answer;
    }

    private IntakeAnswer resolvedCase(CustomerDetails customer) {
        IntakeAnswer answer = reachedCase("EMAIL", customer);
        driver.complete(answer.handler().id(), driver.task(answer.caseNumber(), RESOLVE_CONTACT),
                Map.of("outcome", "RESOLVED", "notes", "done"));
        return answer;
    }

    private List<Notification> notifications(IntakeAnswer answer, String kind) {
        return outbox.ofCase(answer.caseNumber()).stream().filter(n -> n.kind().name().equals(kind)).toList();
    }

    private List<CaseEvent> events(IntakeAnswer answer, String type) {
        return history.of(answer.caseNumber()).stream().filter(e -> e.type().name().equals(type) || type.equals(e.task())).toList();
    }

    private String firstBackupOf(String region, String own) {
        return directory.repsOf(region).stream().map(Rep::id).filter(id -> !id.equals(own)).findFirst().orElseThrow();
    }

    private long customersOf(Rep rep) {
        return jdbc.sql("SELECT COUNT(*) FROM customer WHERE personal_rep_id = ?").param(rep.id()).query(Long.class).single();
    }

    private static CustomerDetails details(String postalCode, String phone, String country) {
        CustomerDetails fresh = CaseDriver.newCustomer(null);
        return new CustomerDetails(null, fresh.name(), fresh.email(), phone, postalCode, country);
    }

}
