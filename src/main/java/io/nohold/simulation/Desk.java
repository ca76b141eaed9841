package io.nohold.simulation;

import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.REACH_CUSTOMER;
import static io.nohold.lifecycle.ContactLifecycleProcess.Elements.RESOLVE_CONTACT;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.nohold.lifecycle.ContactLifecycleProcess.Variables;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The agent's desk as the simulated reps use it: the criteria of the Tasklist filters "My contacts" (assigned to
 * the rep, earliest deadline first) and "My region's team" (offered to the region's reps group, unassigned, earliest
 * deadline first; {@code io.nohold.desk.TasklistFilters}), asked once for all free reps of a region; taking a task
 * (claim, or the supervisor's reassignment in the personal mode), and completing it with the values its form sends
 * ({@code processes/reach-customer.form}, {@code processes/resolve-contact.form}), through the TaskService and so
 * through the desk's form guard.
 * <p>
 * The lists are asked as native task queries on the engine's tables: the same criteria, without the criteria query's
 * hundreds of optional conditions, which cost the simulator a sixth of its time when the desk asked them on every
 * event (docs/performance.md, "The simulator").
 */
@Component
class Desk {

    /** The tasks a rep works on; with the parameters {@link #handlerTasks} sets. */
    private static final String HANDLER_TASK_CONDITION = "RES.TASK_DEF_KEY_ IN (#{reach}, #{resolve})";

    /**
     * Earliest deadline first, as the filters; among equal deadlines (contacts promised for the same opening hour) the
     * one that came first, then the lower case number, so that the same scenario and seed give the same day.
     */
    private static final String EARLIEST_DEADLINE_FIRST = " ORDER BY RES.DUE_DATE_ ASC, RES.CREATE_TIME_ ASC, P.BUSINESS_KEY_ ASC";

    private final TaskService tasks;

    private final String taskTable;

    private final String identityLinkTable;

    private final String executionTable;

    Desk(TaskService tasks, ManagementService management) {
        this.tasks = tasks;
        this.taskTable = management.getTableName(Task.class);
        this.identityLinkTable = management.getTableName(IdentityLinkEntity.class);
        this.executionTable = management.getTableName(ExecutionEntity.class);
    }

    /** What the desk shows a region's free reps at one moment; each task goes to one rep only. */
    final class Offers {

        private final Map<String, Deque<Task>> own = new HashMap<>();

        private final String group;

        private final int wanted;

        private final Predicate<Task> workable;

        private Deque<Task> team;

        private final Set<String> taken = new HashSet<>();

        private final boolean askTeam;

        private boolean teamFoundEmpty;

        Offers(List<String> repIds, String group, boolean askTeam, Predicate<Task> workable) {
            this.group = group;
            this.askTeam = askTeam;
            this.wanted = repIds.size();
            this.workable = workable;
            NativeTaskQuery query = tasks.createNativeTaskQuery();
            List<String> assignees = new ArrayList<>();
            for (int i = 0; i < repIds.size(); i++) {
                assignees.add("#{rep" + i + "}");
                query.parameter("rep" + i, repIds.get(i));
            }
            for (Task task : handlerTasks(query)
                .sql("SELECT RES.* FROM " + taskTable + " RES" + withCase() + " WHERE " + HANDLER_TASK_CONDITION
                        + " AND RES.ASSIGNEE_ IN (" + String.join(", ", assignees) + ")" + EARLIEST_DEADLINE_FIRST)
                .list()) {
                if (workable.test(task)) {
                    own.computeIfAbsent(task.getAssignee(), id -> new ArrayDeque<>()).add(task);
                }
            }
        }

        /** The rep's next task: their own contacts by deadline, then the region's team's. */
        Optional<Task> next(String repId) {
            Deque<Task> mine = own.get(repId);
            if (mine != null && !mine.isEmpty()) {
                Task task = mine.poll();
                taken.add(task.getId());
                return Optional.of(task);
            }
            if (!askTeam) {
                return Optional.empty();
            }
            if (team == null) {
                team = new ArrayDeque<>();
                handlerTasks(tasks.createNativeTaskQuery())
                    .sql("SELECT RES.* FROM " + taskTable + " RES" + withCase() + " WHERE " + HANDLER_TASK_CONDITION
                            + " AND RES.ASSIGNEE_ IS NULL AND EXISTS (SELECT 1 FROM " + identityLinkTable
                            + " I WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ = #{group})"
                            + EARLIEST_DEADLINE_FIRST)
                    .parameter("group", group)
                    .listPage(0, wanted * 2 + 10)
                    .stream()
                    .filter(workable)
                    .forEach(team::add);
                teamFoundEmpty = team.isEmpty();
            }
            while (!team.isEmpty()) {
                Task task = team.poll();
                if (taken.add(task.getId())) {
                    return Optional.of(task);
                }
            }
            return Optional.empty();
        }

        /** Whether the team's list was asked and had nothing workable in it. */
        boolean teamFoundEmpty() {
            return teamFoundEmpty;
        }

    }

    /** {@code askTeam} false: the caller knows the team has been offered nothing since its list was last empty. */
    Offers offers(List<String> repIds, String group, boolean askTeam, Predicate<Task> workable) {
        return new Offers(repIds, group, askTeam, workable);
    }

    /** The open "Reach customer" task of a contact's process instance, whoever holds it. */
    Optional<Task> reachTask(String processInstanceId) {
        return task(processInstanceId, REACH_CUSTOMER);
    }

    private Optional<Task> task(String processInstanceId, String taskDefinitionKey) {
        return Optional.ofNullable(tasks.createNativeTaskQuery()
            .sql("SELECT RES.* FROM " + taskTable + " RES WHERE RES.PROC_INST_ID_ = #{processInstance}"
                    + " AND RES.TASK_DEF_KEY_ = #{key}")
            .parameter("processInstance", processInstanceId)
            .parameter("key", taskDefinitionKey)
            .singleResult());
    }

    /** The task's process instance, whose business key is the case number. */
    private String withCase() {
        return " JOIN " + executionTable + " P ON P.ID_ = RES.PROC_INST_ID_";
    }

    private static NativeTaskQuery handlerTasks(NativeTaskQuery query) {
        return query.parameter("reach", REACH_CUSTOMER).parameter("resolve", RESOLVE_CONTACT);
    }

    /** Takes a task: claims it from the team, or (personal mode) takes it back from whoever the rings gave it to. */
    void take(String repId, Task task, boolean reaching) {
        if (task.getAssignee() == null) {
            tasks.claim(task.getId(), repId);
        }
        else if (!task.getAssignee().equals(repId)) {
            tasks.setAssignee(task.getId(), repId);
        }
        if (reaching) {
            // the customer is reached: "Reach customer" is done, the rest of the handling is "Resolve contact"
            VariableMap values = org.camunda.bpm.engine.variable.Variables.createVariables()
                .putValue(Variables.REACH_NOTES, "Reached the customer (simulated).");
            tasks.complete(task.getId(), values);
        }
    }

    /** The rep finished: "Resolve contact" is completed as resolved, whoever holds it now. */
    void resolve(String processInstanceId) {
        task(processInstanceId, RESOLVE_CONTACT).ifPresent(task -> tasks.complete(task.getId(),
                org.camunda.bpm.engine.variable.Variables.createVariables()
                    .putValue(Variables.OUTCOME, "RESOLVED")
                    .putValue(Variables.NOTES, "Resolved (simulated).")));
    }

    /** The pooled mode: the new contact's "Reach customer" is given to the region's team, as "unclaim" does. */
    void offerToTeam(String processInstanceId) {
        reachTask(processInstanceId).filter(task -> task.getAssignee() != null)
            .ifPresent(task -> tasks.setAssignee(task.getId(), null));
    }

}
