package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.time.Duration;
import java.time.Instant;

import io.nohold.casefile.CaseFile;
import io.nohold.directory.People;
import io.nohold.engine.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** An accommodation above the rep's authority goes to the region's supervisors, with its own deadline. */
@Component
class RequestApprovalDelegate implements JavaDelegate {

    private final Duration approvalDeadline;

    private final CaseFile caseFile;

    private final People people;

    RequestApprovalDelegate(@Value("${nohold.deadlines.approval}") Duration approvalDeadline, CaseFile caseFile,
            People people) {
        this.approvalDeadline = approvalDeadline;
        this.caseFile = caseFile;
        this.people = people;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant due = EngineClock.now().plus(approvalDeadline);
        String summary = Accommodations.describe(execution);
        String requestedBy = Vars.string(execution, LAST_COMPLETED_BY);
        caseFile.approvalRequested(CaseOf.number(execution), requestedBy, summary, due);
        execution.setVariable(APPROVAL_DUE_AT, Vars.date(due));
        execution.setVariable(ACCOMMODATION_SUMMARY, summary + ", requested by " + people.nameOf(requestedBy));
        execution.removeVariable(APPROVAL_DECISION);
    }

}
