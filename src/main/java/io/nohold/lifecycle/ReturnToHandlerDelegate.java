package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.time.Instant;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.engine.EngineClock;
import io.nohold.sla.SlaClock;
import io.nohold.sla.SlaPolicy;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The supervisor returned the case with guidance: it goes back to the handler's "Resolve contact", with a fresh
 * resolution window from now, counted by the SLA clock.
 */
@Component
class ReturnToHandlerDelegate implements JavaDelegate {

    private final CaseFile caseFile;

    private final SlaClock clock;

    ReturnToHandlerDelegate(CaseFile caseFile, SlaClock clock) {
        this.caseFile = caseFile;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = CaseOf.number(execution);
        CaseRecord record = caseFile.get(caseNumber);
        SlaPolicy policy = SlaPolicies.of(record, execution);
        Instant now = EngineClock.now();
        Instant due = clock.due(record.regionId(), now, now, policy.resolution(), policy.hours());
        caseFile.returnedToHandler(caseNumber, Vars.string(execution, LAST_COMPLETED_BY),
                Vars.string(execution, SUPERVISOR_GUIDANCE), due);
        Forms.clearHandlerFields(execution);
    }

}
