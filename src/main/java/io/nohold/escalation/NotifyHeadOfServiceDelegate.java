package io.nohold.escalation;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseFile.SupervisorDeadline;
import io.nohold.security.Groups;
import io.nohold.engine.CaseOf;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The escalation's deadline passed: head of service is told. */
@Component
class NotifyHeadOfServiceDelegate implements JavaDelegate {

    private final CaseFile caseFile;

    NotifyHeadOfServiceDelegate(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        caseFile.supervisorDeadlineMissed(CaseOf.number(execution), SupervisorDeadline.ESCALATION, Groups.HEAD_OF_SERVICE);
    }

}
