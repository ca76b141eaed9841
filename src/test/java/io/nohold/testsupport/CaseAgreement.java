package io.nohold.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.casefile.CaseState;
import io.nohold.escalation.SupervisorEscalationProcess;
import io.nohold.lifecycle.ContactLifecycleProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Checks that NoHold's case record and the engine tell the same story: where the process waits matches the case's
 * state, and whoever holds the handler's task is the case's handler.
 */
@Component
public class CaseAgreement {

    private final CaseFile caseFile;

    private final RuntimeService runtime;

    private final TaskService tasks;

    CaseAgreement(CaseFile caseFile, RuntimeService runtime, TaskService tasks) {
        this.caseFile = caseFile;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    public void check(String caseNumber) {
        CaseRecord record = caseFile.get(caseNumber);
        ProcessInstance instance = runtime.createProcessInstanceQuery()
            .processInstanceBusinessKey(caseNumber)
            .processDefinitionKey(ContactLifecycleProcess.KEY)
            .singleResult();
        if (instance == null) {
            assertThat(record.state()).as("state of %s, whose process has ended", caseNumber).isEqualTo(CaseState.CLOSED);
            return;
        }
        List<String> active = runtime.getActiveActivityIds(instance.getId());
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list();
        CaseState expected = expectedState(active, open);
        assertThat(record.state()).as("state of %s waiting at %s", caseNumber, active).isEqualTo(expected);
        open.stream()
            .filter(task -> task.getTaskDefinitionKey().equals(ContactLifecycleProcess.Elements.REACH_CUSTOMER)
                    || task.getTaskDefinitionKey().equals(ContactLifecycleProcess.Elements.RESOLVE_CONTACT))
            .forEach(task -> assertThat(record.handlerId()).as("handler of %s, whose %s is held by %s", caseNumber,
                    task.getTaskDefinitionKey(), task.getAssignee())
                .isEqualTo(task.getAssignee()));
    }

    private static CaseState expectedState(List<String> active, List<Task> open) {
        if (open.stream().anyMatch(t -> t.getTaskDefinitionKey().equals(SupervisorEscalationProcess.Elements.HANDLE_ESCALATION))) {
            return CaseState.ESCALATED;
        }
        if (active.contains(ContactLifecycleProcess.Elements.APPROVE_ACCOMMODATION)) {
            return CaseState.AWAITING_APPROVAL;
        }
        if (active.contains(ContactLifecycleProcess.Elements.WAIT_FOR_FOLLOW_UP)) {
            return CaseState.FOLLOW_UP;
        }
        if (active.contains(ContactLifecycleProcess.Elements.QUIET_PERIOD)) {
            return CaseState.RESOLVED;
        }
        return CaseState.OPEN;
    }

}
