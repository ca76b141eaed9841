package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import java.time.Instant;
import java.util.Optional;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.casefile.Channel;
import io.nohold.directory.HandlerRings;
import io.nohold.directory.Rep;
import io.nohold.engine.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Chooses the handler (own rep, else the case's previous handler, else the next available named backup) and makes
 * the promise for the contact being handled: from now, the moment it is taken in (or, for a contact a node left
 * unprocessed, taken up again), so never in the past, plus the SLA policy's windows for its channel.
 */
@Component
class MakePromiseDelegate implements JavaDelegate {

    private final HandlerRings rings;

    private final CaseFile caseFile;

    MakePromiseDelegate(HandlerRings rings, CaseFile caseFile) {
        this.rings = rings;
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaPolicy policy = SlaPolicy.take(execution);
        CaseRecord record = caseFile.get(CaseOf.number(execution));
        Instant from = EngineClock.now();
        Optional<Rep> handler = rings.firstHandler(record.regionId(), record.personalRepId(), record.handlerId());
        caseFile.makePromise(record.caseNumber(), Channel.valueOf(Vars.required(execution, CHANNEL)), handler.orElse(null),
                from.plus(policy.personalWindow()), from.plus(policy.firstResponse()), from.plus(policy.resolution()));
        execution.setVariable(CUSTOMER_REACHED, false);
    }

}
