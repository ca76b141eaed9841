package io.nohold.escalation;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.CASE_NUMBER;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.REGION_ID;

import io.nohold.access.Groups;
import io.nohold.casefile.CaseEvent.Category;
import io.nohold.casefile.CaseHistory;
import io.nohold.lifecycle.ContactLifecycleProcess;
import io.nohold.lifecycle.Vars;
import io.nohold.notification.NotificationOutbox;
import io.nohold.region.RegionDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A supervisor deadline passed (an approval or an escalation): head of service is told. */
@Component
class NotifyHeadOfServiceDelegate implements JavaDelegate {

    private final RegionDirectory directory;

    private final CaseHistory history;

    private final NotificationOutbox outbox;

    NotifyHeadOfServiceDelegate(RegionDirectory directory, CaseHistory history, NotificationOutbox outbox) {
        this.directory = directory;
        this.history = history;
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = Vars.required(execution, CASE_NUMBER);
        boolean approval = ContactLifecycleProcess.Elements.NOTIFY_HEAD_OF_SERVICE_OF_APPROVAL
            .equals(execution.getCurrentActivityId());
        String what = approval ? "APPROVAL_OVERDUE" : "ESCALATION_OVERDUE";
        String region = directory.region(Vars.required(execution, REGION_ID)).name();
        history.record(caseNumber, Category.ESCALATION, what, null, null, "head of service notified");
        outbox.toGroup(caseNumber, Groups.HEAD_OF_SERVICE, what, "Case " + caseNumber + ": the " + region + " supervisors' "
                + (approval ? "approval" : "escalation") + " deadline has passed.");
    }

}
