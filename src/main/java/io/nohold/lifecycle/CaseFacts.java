package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import java.util.Date;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.security.Groups;
import io.nohold.sla.SlaPolicy;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the models ask of the case, read from the case file when a task or timer is created:
 * {@code camunda:assignee="${caseFacts.handler(execution)}"}, {@code ${caseFacts.promisedBy(execution)}},
 * {@code camunda:priority="${caseFacts.taskPriority(execution)}"}. The case file is the one copy of handler, deadlines
 * and the SLA policy row; the engine keeps none of them in variables.
 */
@Component("caseFacts")
public class CaseFacts {

    private final CaseFile caseFile;

    CaseFacts(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    /** Who holds the case; {@code null} when it is offered to the region's team. */
    public String handler(DelegateExecution execution) {
        return record(execution).handlerId();
    }

    public Date personalWindowEndsAt(DelegateExecution execution) {
        return date(record(execution).personalWindowEndsAt());
    }

    public Date promisedBy(DelegateExecution execution) {
        return date(record(execution).promisedBy());
    }

    public Date resolutionDueAt(DelegateExecution execution) {
        return date(record(execution).resolutionDueAt());
    }

    /** The priority of the case's handler tasks: the SLA policy row's. */
    public int taskPriority(DelegateExecution execution) {
        return policy(execution).taskPriority();
    }

    /** The supervisors' window for an escalation of the case, as the ISO duration the escalation process reads. */
    public String escalationWindow(DelegateExecution execution) {
        return policy(execution).escalationWindow().toString();
    }

    /** The candidate group of supervisor tasks: the supervisors of the case's region. */
    public String supervisors(DelegateExecution execution) {
        return Groups.supervisors(record(execution).regionId());
    }

    private SlaPolicy policy(DelegateExecution execution) {
        return SlaPolicies.of(record(execution), execution);
    }

    private CaseRecord record(DelegateExecution execution) {
        return caseFile.get(CaseOf.number(execution));
    }

    private static Date date(java.time.Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

}
