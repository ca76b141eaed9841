package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.time.Instant;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.directory.People;
import io.nohold.engine.EngineClock;
import io.nohold.sla.SlaClock;
import io.nohold.sla.SlaHours;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * An accommodation above the rep's authority goes to the region's supervisors, with the policy's approval window,
 * counted in the region's business hours: supervisors are not asked to decide at night.
 */
@Component
class RequestApprovalDelegate implements JavaDelegate {

    private final CaseFile caseFile;

    private final People people;

    private final SlaClock clock;

    RequestApprovalDelegate(CaseFile caseFile, People people, SlaClock clock) {
        this.caseFile = caseFile;
        this.people = people;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = CaseOf.number(execution);
        Instant now = EngineClock.now();
        CaseRecord record = caseFile.get(caseNumber);
        Instant due = clock.due(record.regionId(), now, now, SlaPolicies.of(record, execution).approvalWindow(),
                SlaHours.BUSINESS_HOURS);
        String summary = Accommodations.describe(execution);
        String requestedBy = Vars.string(execution, LAST_COMPLETED_BY);
        caseFile.approvalRequested(caseNumber, requestedBy, summary, due);
        execution.setVariable(APPROVAL_DUE_AT, Vars.date(due));
        execution.setVariable(ACCOMMODATION_SUMMARY, summary + ", requested by " + people.nameOf(requestedBy));
        execution.removeVariable(APPROVAL_DECISION);
    }

}
