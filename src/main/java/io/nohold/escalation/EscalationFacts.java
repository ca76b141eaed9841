package io.nohold.escalation;

import io.nohold.casefile.CaseFile;
import io.nohold.security.Groups;
import io.nohold.engine.CaseOf;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the escalation model asks of the case, read from the case file:
 * {@code camunda:candidateGroups="${escalationFacts.supervisors(execution)}"}.
 */
@Component("escalationFacts")
public class EscalationFacts {

    private final CaseFile caseFile;

    EscalationFacts(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    /** The supervisors of the case's region. */
    public String supervisors(DelegateExecution execution) {
        return Groups.supervisors(caseFile.get(CaseOf.number(execution)).regionId());
    }

}
