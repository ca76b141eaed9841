package io.nohold.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.nohold.testsupport.NoHoldTest;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The desk names NoHold's tasks and fills their forms; a process of someone else on the same engine is left alone. */
@NoHoldTest
class OtherProcessesTests {

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    FormService forms;

    @Test
    void aTaskOfAnotherProcessKeepsItsNameAndItsFormGetsNoCaseValues() {
        repository.createDeployment()
            .name("another-team")
            .addModelInstance("expenses.bpmn", Bpmn.createExecutableProcess("Expenses")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("UserTask_ApproveExpenses")
                .name("Approve expenses")
                .endEvent()
                .done())
            .deploy();

        String instance = runtime.startProcessInstanceByKey("Expenses", "NH-000001").getId();

        Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(task.getName()).isEqualTo("Approve expenses");
        assertThat(forms.getTaskFormVariables(task.getId())).doesNotContainKeys(CaseDisplay.KEYS.toArray(String[]::new));
    }

}
