package io.nohold.desk;

import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.REACH_CUSTOMER;
import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.RESOLVE_CONTACT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nohold.casefile.CaseEventType;
import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseState;
import io.nohold.customer.CustomerService;
import io.nohold.casefile.CaseHistory;
import io.nohold.contact.IntakeAnswer;
import io.nohold.testsupport.ApiClient;
import io.nohold.testsupport.CaseDriver;
import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A task takes only its form's fields, through the engine REST API, the Tasklist's own API and the Java API: a forged
 * or malformed variable is answered with 400 naming the field, and nothing changes (the task stays open, no variable
 * is written, the case history gets no entry). The reps complete their own "Reach customer" and "Resolve contact".
 */
@NoHoldTest
class TaskFormGuardTests {

    static final String NORTH = "20095";

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver driver;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService historyService;

    @Autowired
    CaseHistory history;

    ApiClient api;

    IntakeAnswer contact;

    String rep;

    Task reach;

    int historyBefore;

    @BeforeEach
    void aNorthContactOnItsRepsDesk() {
        api = new ApiClient(port);
        contact = driver.submit("PHONE", CaseDriver.newCustomer(NORTH), "broken lamp");
        rep = contact.handler().id();
        reach = driver.task(contact.caseNumber(), REACH_CUSTOMER);
        historyBefore = history.of(contact.caseNumber()).size();
    }

    @AfterEach
    void reset() {
        driver.reset();
    }

    @Test
    void aRepCannotHandTheTaskAndSoTheCaseToSomeoneElse(@Autowired CaseFile caseFile) {
        String south = "marco";

        List<ApiClient.Response> attempts = List.of(
                api.post("/engine-rest/task/" + reach.getId() + "/assignee", rep, Map.of("userId", south)),
                api.post("/engine-rest/task/" + reach.getId() + "/delegate", rep, Map.of("userId", south)),
                api.post("/engine-rest/task/" + reach.getId() + "/identity-links", rep,
                        Map.of("groupId", "reps-south", "type", "candidate")),
                api.put("/engine-rest/task/" + reach.getId(), rep, Map.of("name", "mine", "assignee", south, "due",
                        "2030-01-01T00:00:00.000+0000")));

        assertThat(attempts).allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isEqualTo(403));
        Task after = driver.task(contact.caseNumber(), REACH_CUSTOMER);
        assertThat(after.getAssignee()).isEqualTo(rep);
        assertThat(after.getDueDate()).isEqualTo(reach.getDueDate());
        assertThat(driver.candidateGroups(after)).isEmpty();
        assertThat(caseFile.get(contact.caseNumber()).handlerId()).isEqualTo(rep);
    }

    @Test
    void aRepOfAnotherRegionReadsNoneOfTheCaseThroughTheForm(@Autowired CustomerService customers) {
        String name = customers.customer(contact.customerId()).displayName();

        ApiClient.Response foreign = api.get("/engine-rest/task/" + reach.getId() + "/form-variables", "marco");
        ApiClient.Response own = api.get("/engine-rest/task/" + reach.getId() + "/form-variables", rep);

        assertThat(foreign.status()).as("%s", foreign).isIn(403, 404);
        assertThat(foreign.body()).doesNotContain(name, "caseHistory", "customerPhone");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("customerName").path("value").asText()).isEqualTo(name);
    }

    @Test
    void onlyAnAdministratorEndsACaseAndTheCaseClosesWithIt(@Autowired CaseFile caseFile) {
        String instance = reach.getProcessInstanceId();

        ApiClient.Response byRep = api.send(api.request("/engine-rest/process-instance/" + instance, rep).DELETE());
        assertThat(byRep.status()).as("%s", byRep).isEqualTo(403);
        assertThat(caseFile.get(contact.caseNumber()).state()).isEqualTo(CaseState.OPEN);
        assertThat(driver.instance(contact.caseNumber())).isNotNull();

        ApiClient.Response byAdmin = api.send(api.request("/engine-rest/process-instance/" + instance, "admin").DELETE());
        assertThat(byAdmin.status()).as("%s", byAdmin).isEqualTo(204);
        assertThat(caseFile.get(contact.caseNumber()).state()).isEqualTo(CaseState.CLOSED);
        assertThat(caseFile.history(contact.caseNumber())).last()
            .satisfies(event -> assertThat(event.type()).isEqualTo(CaseEventType.WITHDRAWN))
            .satisfies(event -> assertThat(event.detail()).startsWith("ended by an administrator"));
    }

    @Test
    void aVariableTheModelReliesOnCannotBeForgedEither() {
        ApiClient.Response answer = complete(reach, rep, Map.of("reachNotes", "called", "lastCompletedBy", "sam"));

        assertRefused(answer, "lastCompletedBy");
        assertNothingChanged();
    }

    @Test
    void aForgedCaseNumberOnCompleteIsRefusedByNameAndChangesNothing() {
        ApiClient.Response answer = complete(reach, rep, Map.of("reachNotes", "called", "caseNumber", "NH-001002"));

        assertRefused(answer, "field 'caseNumber' is not a field of the form \"Reach customer\"; this task accepts: reachNotes, replyToCustomer");
        assertNothingChanged();
    }

    @Test
    void aForgedCaseNumberOnSubmitFormIsRefusedAndTheFormItselfIsTaken() {
        ApiClient.Response forged = api.post("/engine-rest/task/" + reach.getId() + "/submit-form", rep,
                variables(Map.of("reachNotes", "called", "caseNumber", "NH-001002")));

        assertRefused(forged, "field 'caseNumber' is not a field of the form \"Reach customer\"");
        assertNothingChanged();

        ApiClient.Response form = api.post("/engine-rest/task/" + reach.getId() + "/submit-form", rep,
                variables(Map.of("reachNotes", "called")));
        assertThat(form.status()).as("%s", form).isEqualTo(204);
        assertThat(driver.task(contact.caseNumber(), RESOLVE_CONTACT)).isNotNull();
    }

    @Test
    void aValueOfAnotherTypeOrAVariableOfTheModelIsRefused() {
        assertRefused(complete(reach, rep, Map.of("reachNotes", true)), "field 'reachNotes' must be text");
        assertRefused(complete(reach, rep, Map.of("reachNotes", "called", "customerReached", "yes")),
                "field 'customerReached' is not a field of the form");
        assertRefused(complete(reach, rep, Map.of("reachNotes", Map.of("value", "called", "type", "Json"))),
                "field 'reachNotes' must be text");
        assertNothingChanged();
    }

    @Test
    void anOutcomeTheFormDoesNotOfferIsRefusedWithTheOffer() {
        ApiClient.Response reached = complete(reach, rep, Map.of("reachNotes", "called"));
        assertThat(reached.status()).as("%s", reached).isEqualTo(204);
        Task resolve = driver.task(contact.caseNumber(), RESOLVE_CONTACT);

        ApiClient.Response answer = complete(resolve, rep, Map.of("outcome", "REFUNDED_EVERYTHING", "notes", "done"));

        assertRefused(answer, "field 'outcome' must be one of RESOLVED, ACCOMMODATION, SUPERVISOR_REQUESTED, FOLLOW_UP");
        assertThat(driver.task(contact.caseNumber(), RESOLVE_CONTACT).getId()).isEqualTo(resolve.getId());
        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(resolve.getProcessInstanceId())
            .variableName("outcome").count()).isZero();
    }

    @Test
    void aRequiredFieldIsRequiredWhileTheFormShowsIt() {
        assertRefused(complete(reach, rep, Map.of()), "field 'reachNotes' is required");
        assertRefused(complete(reach, rep, Map.of("reachNotes", "  ")), "field 'reachNotes' is required");
        assertNothingChanged();

        assertThat(complete(reach, rep, Map.of("reachNotes", "called")).status()).isEqualTo(204);
        Task resolve = driver.task(contact.caseNumber(), RESOLVE_CONTACT);
        assertRefused(complete(resolve, rep, Map.of("outcome", "ACCOMMODATION", "notes", "refund", "accommodationType", "REFUND",
                "accommodationReason", "broken")), "field 'accommodationAmount' is required");
        ApiClient.Response resolved = complete(resolve, rep, Map.of("outcome", "RESOLVED", "notes", "replacement sent"));
        assertThat(resolved.status()).as("%s", resolved).isEqualTo(204);
        assertThat(driver.task(contact.caseNumber(), RESOLVE_CONTACT)).isNull();
    }

    @Test
    void theRepCannotSetOrRemoveVariablesOfTheTaskOrItsCaseDirectly() {
        String task = "/engine-rest/task/" + reach.getId();

        assertThat(api.put(task + "/variables/caseNumber", rep, Map.of("value", "NH-001002")).status()).isEqualTo(403);
        assertThat(api.put(task + "/localVariables/caseNumber", rep, Map.of("value", "NH-001002")).status()).isEqualTo(403);
        assertThat(api.post(task + "/variables", rep, Map.of("modifications", Map.of("caseNumber", Map.of("value", "NH-001002"))))
            .status()).isEqualTo(403);
        assertThat(api.send(api.request(task + "/variables/caseNumber", rep).DELETE()).status()).isEqualTo(403);
        String instance = "/engine-rest/process-instance/" + reach.getProcessInstanceId();
        assertThat(api.put(instance + "/variables/caseNumber", rep, Map.of("value", "NH-001002")).status()).isEqualTo(403);
        assertThat(api.put("/engine-rest/execution/" + reach.getExecutionId() + "/localVariables/caseNumber", rep,
                Map.of("value", "NH-001002")).status()).isEqualTo(403);

        assertNothingChanged();
    }

    @Test
    void resolvingOrThrowingFromTheTaskTakesOnlyFormFieldsToo() {
        String task = "/engine-rest/task/" + reach.getId();
        Map<String, Object> forged = Map.of("caseNumber", Map.of("value", "NH-001002"));

        assertRefused(api.post(task + "/resolve", rep, Map.of("variables", forged)), "field 'caseNumber'");
        assertRefused(api.post(task + "/bpmnError", rep, Map.of("errorCode", "ANY", "variables", forged)), "field 'caseNumber'");
        assertRefused(api.post(task + "/bpmnEscalation", rep, Map.of("escalationCode", "ANY", "variables", forged)), "field 'caseNumber'");
        assertNothingChanged();
    }

    @Test
    void aRepOfAnotherRegionLearnsNothingAboutTheForm() {
        ApiClient.Response answer = complete(reach, "marco", Map.of("caseNumber", "NH-001002"));

        assertThat(answer.status()).isIn(403, 404);
        assertThat(answer.body()).doesNotContain("reachNotes");
        assertNothingChanged();
    }

    @Test
    void adminsAreHeldToTheFormWhenCompletingButMayRepairVariables() {
        assertRefused(complete(reach, "admin", Map.of("reachNotes", "called", "caseNumber", "NH-001002")), "field 'caseNumber'");
        assertNothingChanged();

        ApiClient.Response repair = api.put("/engine-rest/task/" + reach.getId() + "/localVariables/repairNote", "admin",
                Map.of("value", "checked by an admin"));
        assertThat(repair.status()).as("%s", repair).isEqualTo(204);

        ApiClient.Response tooLong = api.put("/engine-rest/task/" + reach.getId() + "/localVariables/repairNote", "admin",
                Map.of("value", "x".repeat(5000)));
        assertThat(tooLong.status()).as("%s", tooLong).isEqualTo(400);
        assertThat(tooLong.json().path("message").asText()).contains("Variable value is too long").doesNotContain("Exception");
        assertThat(runtime.createVariableInstanceQuery().taskIdIn(reach.getId()).variableName("repairNote").singleResult().getValue())
            .as("the repair before stands").isEqualTo("checked by an admin");
    }

    @Test
    void theTasklistsOwnApiRefusesAForgedFieldAndTakesTheForm() {
        TasklistApi tasklist = TasklistApi.logIn(port, rep);

        ApiClient.Response forged = tasklist.post("/task/" + reach.getId() + "/submit-form",
                variables(Map.of("reachNotes", "called", "caseNumber", "NH-001002")));

        assertRefused(forged, "field 'caseNumber' is not a field of the form \"Reach customer\"; this task accepts: reachNotes, replyToCustomer");
        assertNothingChanged();

        ApiClient.Response form = tasklist.post("/task/" + reach.getId() + "/submit-form", variables(Map.of("reachNotes", "called")));
        assertThat(form.status()).as("%s", form).isEqualTo(204);
        assertThat(driver.task(contact.caseNumber(), REACH_CUSTOMER)).isNull();
    }

    @Test
    void theJavaApiKeepsTheSameContract() {
        assertThatThrownBy(() -> driver.complete(rep, reach, Map.of("reachNotes", "called", "caseNumber", "NH-001002")))
            .isInstanceOf(FormFieldValidationException.class)
            .hasMessageContaining("field 'caseNumber'");
        assertNothingChanged();
    }

    private ApiClient.Response complete(Task task, String user, Map<String, Object> values) {
        return api.post("/engine-rest/task/" + task.getId() + "/complete", user, variables(values));
    }

    /** The REST form of variables: a value, or a value object such as {@code {"value": ..., "type": "Json"}} as given. */
    private static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, value instanceof Map<?, ?> dto ? dto : Map.of("value", value)));
        return Map.of("variables", variables);
    }

    private static void assertRefused(ApiClient.Response answer, String sentence) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        String message = answer.json().path("message").asText();
        assertThat(message).contains(sentence).doesNotContain("Exception");
    }

    /** The task is still open, no variable was written (the case is no variable at all), and its history has no new entry. */
    private void assertNothingChanged() {
        String instance = reach.getProcessInstanceId();
        assertThat(driver.task(contact.caseNumber(), REACH_CUSTOMER)).as("the task is still open").isNotNull();
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(reach.getId()).finished().count()).isZero();
        List<VariableInstance> caseNumbers = runtime.createVariableInstanceQuery().processInstanceIdIn(instance)
            .variableName("caseNumber").list();
        assertThat(caseNumbers).as("no forged caseNumber variable").isEmpty();
        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instance).variableNameIn("reachNotes", "customerReached")
            .list()).extracting(VariableInstance::getValue).doesNotContain("called", "yes", true);
        assertThat(history.of(contact.caseNumber())).hasSize(historyBefore);
    }

}
