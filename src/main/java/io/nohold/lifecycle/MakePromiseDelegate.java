package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.casefile.Channel;
import io.nohold.directory.HandlerRings;
import io.nohold.directory.Rep;
import io.nohold.engine.EngineClock;
import io.nohold.sla.SlaClock;
import io.nohold.sla.SlaPolicy;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Chooses the handler (own rep, else the case's previous handler, else the next available named backup, each only
 * when on shift) and makes the promise for the contact being handled: the SLA policy's windows for its channel,
 * counted by the SLA clock on the region's calendar from the first moment someone of the region is on shift and
 * available, at the earliest now, the moment it is taken in (or, for a contact a node left unprocessed, taken up
 * again), so never in the past. The policy row is the one the case file keeps for the case.
 */
@Component
class MakePromiseDelegate implements JavaDelegate {

    private final HandlerRings rings;

    private final CaseFile caseFile;

    private final SlaClock clock;

    MakePromiseDelegate(HandlerRings rings, CaseFile caseFile, SlaClock clock) {
        this.rings = rings;
        this.caseFile = caseFile;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseRecord record = caseFile.get(CaseOf.number(execution));
        SlaPolicy policy = take(execution, record);
        Instant now = EngineClock.now();
        // counting starts when someone of the region is on shift and available: a promise made at night is made for
        // the morning, with the handler who will be there then
        HandlerRings.Region region = record.regionId() == null ? null : rings.region(record.regionId());
        Instant start = region == null ? now : region.firstMomentSomeoneCanAnswer(now).orElse(now);
        SlaClock.Promise promise = clock.promise(record.regionId(), now, start, policy);
        // one look-up of the region's reps for both questions; a case in no region has no ring
        Optional<Rep> handler = region == null ? Optional.empty()
                : region.firstHandler(record.personalRepId(), record.handlerId(), promise.start());
        caseFile.makePromise(record.caseNumber(), Channel.valueOf(Vars.required(execution, CHANNEL)), handler.orElse(null),
                promise.personalWindowEndsAt(), promise.promisedBy(), promise.resolutionDueAt());
        execution.setVariable(PROMISE_REMINDER_AT, Vars.date(promise.reminderAt()));
        execution.setVariable(CUSTOMER_REACHED, false);
    }

    /**
     * The row "Determine SLA policy" chose, as its end listener put it into the case file ({@link KeepSlaPolicyListener}).
     * An instance of a model from before that listener holds the row as one map variable instead, which is taken apart
     * here and kept as then (its model reads {@code ${taskPriority}}).
     */
    private SlaPolicy take(DelegateExecution execution, CaseRecord record) {
        if (execution.getVariable(SLA_POLICY) instanceof Map<?, ?> outputs) {
            @SuppressWarnings("unchecked")
            SlaPolicy policy = SlaPolicy.of((Map<String, ?>) outputs);
            caseFile.choosePolicy(record.caseNumber(), policy);
            policy.keepIn(execution);
            execution.removeVariable(SLA_POLICY);
            return policy;
        }
        if (record.slaPolicy() == null) {
            throw new IllegalStateException("\"Determine SLA policy\" kept no row for case " + record.caseNumber());
        }
        return record.slaPolicy();
    }

}
