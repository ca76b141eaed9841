package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.time.Duration;
import java.time.Instant;

import io.nohold.casefile.CaseEvent.Category;
import io.nohold.casefile.CaseHistory;
import io.nohold.casefile.CaseRepository;
import io.nohold.casefile.CaseState;
import io.nohold.notification.NotificationOutbox;
import io.nohold.region.RegionDirectory;
import io.nohold.system.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** An accommodation above the rep's authority goes to the region's supervisors, with its own deadline. */
@Component
class RequestApprovalDelegate implements JavaDelegate {

    private final Duration approvalDeadline;

    private final RegionDirectory directory;

    private final CaseRepository cases;

    private final CaseHistory history;

    private final NotificationOutbox outbox;

    RequestApprovalDelegate(@Value("${nohold.deadlines.approval}") Duration approvalDeadline, RegionDirectory directory,
            CaseRepository cases, CaseHistory history, NotificationOutbox outbox) {
        this.approvalDeadline = approvalDeadline;
        this.directory = directory;
        this.cases = cases;
        this.history = history;
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = Vars.required(execution, CASE_NUMBER);
        Instant due = EngineClock.now().plus(approvalDeadline);
        String summary = Accommodations.describe(execution);
        String requestedBy = Vars.string(execution, LAST_COMPLETED_BY);
        execution.setVariable(APPROVAL_DUE_AT, Vars.date(due));
        execution.setVariable(ACCOMMODATION_SUMMARY, summary + ", requested by " + requestedBy);
        execution.setVariable(APPROVAL_DECISION, null);
        cases.setState(caseNumber, CaseState.AWAITING_APPROVAL);
        history.record(caseNumber, Category.ESCALATION, "APPROVAL_REQUESTED", requestedBy, null, summary);
        outbox.toGroup(caseNumber, directory.region(Vars.required(execution, REGION_ID)).supervisorGroup(), "APPROVAL_REQUESTED",
                "Case " + caseNumber + ": " + requestedBy + " asks you to approve a " + summary + ", by "
                        + CaseDisplay.time(due) + ".");
    }

}
