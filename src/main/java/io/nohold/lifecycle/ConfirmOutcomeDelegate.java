package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.time.Instant;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.engine.EngineClock;
import io.nohold.sla.SlaClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the customer the outcome, plainly and without an upsell, and that a reply reaches the same person. The case
 * enters its quiet period, whose end the SLA clock sets.
 */
@Component
class ConfirmOutcomeDelegate implements JavaDelegate {

    private final CaseFile caseFile;

    private final SlaClock clock;

    ConfirmOutcomeDelegate(CaseFile caseFile, SlaClock clock) {
        this.caseFile = caseFile;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = CaseOf.number(execution);
        caseFile.resolved(caseNumber, Vars.string(execution, LAST_COMPLETED_BY));
        CaseRecord record = caseFile.get(caseNumber);
        Instant ends = clock.quietPeriodEnds(record.regionId(), EngineClock.now(), SlaPolicies.of(record, execution).quietPeriod());
        execution.setVariable(QUIET_PERIOD_ENDS_AT, Vars.date(ends));
    }

}
