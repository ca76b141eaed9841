package io.nohold.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.engine.variable.value.BytesValue;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * What the engine holds about a case: the process instances of its lifecycle (the lifecycle and what it called, found
 * by the case number as business key and the lifecycle as their root), their runtime and history variables, tasks and
 * comments. Read and erased as the application, through the engine's services; what no service offers (comments of
 * ended instances, names of ended tasks) through a command of the engine, in the caller's transaction.
 */
@Component
class EngineCaseData {

    /**
     * Variables whose values are codes, numbers, dates or user ids that the models branch on or the SLA works with:
     * kept by erasure. Every other variable holding text or an object (form fields such as notes, replies, guidance
     * and reasons, and anything a later model adds) is treated as personal and erased.
     */
    static final Set<String> CODES = Set.of("channel", "tier", "publicPost", "replyContactId", "slaPolicy",
            "personalWindow", "firstResponse", "resolution", "customerReached", "outcome", "accommodationType",
            "accommodationAmount", "followUpDate", "followUpAt", "approvalDecision", "approvalDueAt", "withinAuthority",
            "escalationReason", "escalationResult", "escalationDueAt", "lastCompletedBy", "reminderBefore", "approvalWindow",
            "escalationWindow", "quietPeriod", "slaHours", "taskPriority", "promiseReminderAt", "quietPeriodEndsAt");

    private static final Set<String> TEXT_TYPES = Set.of("string", "object", "json", "xml", "bytes", "file");

    private final HistoryService history;

    private final RuntimeService runtime;

    private final TaskService tasks;

    private final RepositoryService repository;

    private final ProcessEngineConfigurationImpl configuration;

    EngineCaseData(ProcessEngine engine) {
        this.history = engine.getHistoryService();
        this.runtime = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
        this.repository = engine.getRepositoryService();
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    record ProcessEntry(String id, String processDefinitionKey, String businessKey, Instant startedAt, Instant endedAt,
            String state, String deleteReason) {
    }

    record VariableEntry(String scope, String processInstanceId, String name, String type, Object value) {
    }

    record TaskEntry(String id, String processInstanceId, String taskDefinitionKey, String name, String assignee,
            Instant startedAt, Instant endedAt) {
    }

    record CommentEntry(String id, String processInstanceId, String taskId, String userId, Instant at, String message) {
    }

    record EngineData(List<ProcessEntry> processInstances, List<VariableEntry> runtimeVariables,
            List<VariableEntry> historyVariables, List<TaskEntry> tasks, List<CommentEntry> comments) {
    }

    /** The process instances of the case: its lifecycle and every instance it called. */
    List<HistoricProcessInstance> instancesOf(String caseNumber, String lifecycleInstanceId) {
        if (lifecycleInstanceId == null) {
            return List.of();
        }
        return history.createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(caseNumber)
            .list()
            .stream()
            .filter(p -> lifecycleInstanceId.equals(p.getId()) || lifecycleInstanceId.equals(p.getRootProcessInstanceId()))
            .toList();
    }

    EngineData export(String caseNumber, String lifecycleInstanceId) {
        List<HistoricProcessInstance> instances = instancesOf(caseNumber, lifecycleInstanceId);
        String[] ids = instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        if (ids.length == 0) {
            return new EngineData(List.of(), List.of(), List.of(), List.of(), List.of());
        }
        List<VariableEntry> running = runtime.createVariableInstanceQuery()
            .processInstanceIdIn(ids)
            .disableCustomObjectDeserialization()
            .list()
            .stream()
            .map(v -> variable("runtime", v.getProcessInstanceId(), v.getName(), v.getTypeName(), typed(v)))
            .toList();
        List<VariableEntry> past = history.createHistoricVariableInstanceQuery()
            .processInstanceIdIn(ids)
            .disableCustomObjectDeserialization()
            .list()
            .stream()
            .map(v -> variable("history", v.getProcessInstanceId(), v.getName(), v.getTypeName(), v.getTypedValue()))
            .toList();
        List<TaskEntry> taskEntries = new ArrayList<>();
        List<CommentEntry> comments = new ArrayList<>();
        for (String id : ids) {
            history.createHistoricTaskInstanceQuery().processInstanceId(id).orderByHistoricActivityInstanceStartTime().asc().list()
                .forEach(t -> taskEntries.add(new TaskEntry(t.getId(), t.getProcessInstanceId(), t.getTaskDefinitionKey(),
                        t.getName(), t.getAssignee(), instant(t.getStartTime()), instant(t.getEndTime()))));
            tasks.getProcessInstanceComments(id)
                .forEach(c -> comments.add(new CommentEntry(c.getId(), c.getProcessInstanceId(), c.getTaskId(),
                        c.getUserId(), instant(c.getTime()), c.getFullMessage())));
        }
        return new EngineData(instances.stream()
            .map(p -> new ProcessEntry(p.getId(), p.getProcessDefinitionKey(), p.getBusinessKey(), instant(p.getStartTime()),
                    instant(p.getEndTime()), p.getState(), p.getDeleteReason()))
            .toList(), running, past, taskEntries, comments);
    }

    /**
     * Erases the personal text the engine holds about an ended case: history variables holding text or objects
     * (except {@link #CODES}) with their detail rows and serialized values, every comment of its processes and tasks,
     * and the names of its tasks, which name the customer and the subject ("Reach Maria Lopez (phone)"); a task keeps
     * the name it has in the model. Process instances, activities, task times, assignees and decisions stay, so the
     * engine's statistics do; Camunda's history cleanup removes them when the history time to live ends. Idempotent.
     */
    void erase(String caseNumber, String lifecycleInstanceId) {
        List<HistoricProcessInstance> instances = instancesOf(caseNumber, lifecycleInstanceId);
        if (instances.stream().anyMatch(p -> p.getEndTime() == null)) {
            throw new IllegalStateException("the lifecycle of case " + caseNumber + " still runs");
        }
        List<String> ids = instances.stream().map(HistoricProcessInstance::getId).toList();
        if (ids.isEmpty()) {
            return;
        }
        history.createHistoricVariableInstanceQuery()
            .processInstanceIdIn(ids.toArray(String[]::new))
            .disableCustomObjectDeserialization()
            .list()
            .stream()
            .filter(EngineCaseData::personal)
            .forEach(v -> history.deleteHistoricVariableInstance(v.getId()));
        Map<String, String> taskNames = new LinkedHashMap<>();
        List<String> taskIds = new ArrayList<>();
        for (HistoricProcessInstance instance : instances) {
            BpmnModelInstance model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
            for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list()) {
                taskIds.add(task.getId());
                ModelElementInstance element = model.getModelElementById(task.getTaskDefinitionKey());
                String modelName = element == null ? null : element.getAttributeValue("name");
                taskNames.put(task.getId(), modelName == null ? task.getTaskDefinitionKey() : modelName);
            }
        }
        String table = configuration.getDatabaseTablePrefix() + "ACT_HI_TASKINST";
        configuration.getCommandExecutorTxRequired().execute((Command<Void>) context -> {
            context.getCommentManager().deleteCommentsByProcessInstanceIds(ids);
            taskIds.forEach(context.getCommentManager()::deleteCommentsByTaskId);
            // no service renames an ended task; the statement runs on the engine's connection, in its transaction
            Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
            try (PreparedStatement rename = connection.prepareStatement(
                    "UPDATE " + table + " SET NAME_ = ?, DESCRIPTION_ = NULL WHERE ID_ = ?")) {
                for (Map.Entry<String, String> task : taskNames.entrySet()) {
                    rename.setString(1, task.getValue());
                    rename.setString(2, task.getKey());
                    rename.addBatch();
                }
                rename.executeBatch();
            }
            catch (SQLException e) {
                throw new IllegalStateException("could not rename the tasks of case " + caseNumber, e);
            }
            return null;
        });
    }

    static boolean personal(HistoricVariableInstance variable) {
        return !CODES.contains(variable.getName()) && TEXT_TYPES.contains(variable.getTypeName());
    }

    private static TypedValue typed(VariableInstance variable) {
        return variable.getTypedValue();
    }

    private static VariableEntry variable(String scope, String processInstanceId, String name, String type, TypedValue value) {
        return new VariableEntry(scope, processInstanceId, name, type, plain(value));
    }

    /** Objects as they are stored (JSON), binary values by their size, everything else as it is. */
    private static Object plain(TypedValue value) {
        if (value == null) {
            return null;
        }
        if (value instanceof FileValue file) {
            return "(file " + file.getFilename() + ")";
        }
        if (value instanceof BytesValue bytes) {
            return bytes.getValue() == null ? null : "(" + bytes.getValue().length + " bytes)";
        }
        if (value instanceof SerializableValue serializable) {
            return serializable.getValueSerialized();
        }
        Object plain = value.getValue();
        return plain instanceof Date date ? date.toInstant() : plain;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

}
