package io.nohold.desk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nohold.escalation.SupervisorEscalationProcess;
import io.nohold.lifecycle.ContactLifecycleProcess;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of an agent's desk, created or brought up to date on every start, never duplicated. What
 * each user sees through them is further limited by the Camunda authorizations of {@link TasklistAuthorizations}.
 */
@Component
public class TasklistFilters {

    public static final String MY_CONTACTS = "My contacts";

    public static final String MY_REGIONS_TEAM = "My region's team";

    public static final String ESCALATIONS = "Escalations";

    public static final String DUE_WITHIN_THE_HOUR = "Due within the hour";

    private static final String[] HANDLER_TASKS = { ContactLifecycleProcess.Elements.REACH_CUSTOMER,
            ContactLifecycleProcess.Elements.RESOLVE_CONTACT };

    private static final String[] SUPERVISOR_TASKS = { SupervisorEscalationProcess.Elements.HANDLE_ESCALATION,
            ContactLifecycleProcess.Elements.APPROVE_ACCOMMODATION };

    private final FilterService filters;

    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    /** Creates or updates the filters; answers their ids by name. */
    public Map<String, String> ensure() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put(MY_CONTACTS, save(MY_CONTACTS, -10, "#1f6f8b", "The contacts you hold, earliest deadline first",
                earliestDeadlineFirst(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"))));
        ids.put(MY_REGIONS_TEAM, save(MY_REGIONS_TEAM, 0, "#6b8e23",
                "Contacts offered to your region's team that nobody has taken yet",
                earliestDeadlineFirst(tasks.createTaskQuery()
                    .taskCandidateGroupInExpression("${currentUserGroups()}")
                    .taskUnassigned()
                    .taskDefinitionKeyIn(HANDLER_TASKS))));
        ids.put(ESCALATIONS, save(ESCALATIONS, 10, "#b22222", "Escalations and approvals of your region, earliest deadline first",
                earliestDeadlineFirst(tasks.createTaskQuery().taskDefinitionKeyIn(SUPERVISOR_TASKS))));
        ids.put(DUE_WITHIN_THE_HOUR, save(DUE_WITHIN_THE_HOUR, 20, "#ff8c00", "Everything you can see that is due within the hour",
                earliestDeadlineFirst(tasks.createTaskQuery().dueBeforeExpression("${dateTime().plusHours(1)}"))));
        return ids;
    }

    /**
     * By deadline; among equal deadlines (all that came in overnight are promised for the same opening hour) the one
     * that came in first.
     */
    private static TaskQuery earliestDeadlineFirst(TaskQuery query) {
        return query.orderByDueDate().asc().orderByTaskCreateTime().asc();
    }

    private String save(String name, int priority, String color, String description, TaskQuery query) {
        List<Filter> existing = filters.createFilterQuery().filterName(name).list();
        Filter filter = existing.isEmpty() ? filters.newTaskFilter(name) : existing.get(0);
        for (Filter duplicate : existing.subList(Math.min(1, existing.size()), existing.size())) {
            filters.deleteFilter(duplicate.getId());
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("refresh", true);
        filter.setQuery(query);
        filter.setProperties(properties);
        return filters.saveFilter(filter).getId();
    }

}
