package io.nohold.lifecycle;

import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.casefile.Channel;
import io.nohold.sla.SlaPolicy;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * The SLA policy table ({@code sla-policy.dmn}) asked outside a running lifecycle: the row of a contact that joins a
 * case already being handled, so that its promise follows its own channel.
 */
@Service
public class SlaPolicies {

    public static final String DECISION_KEY = "SlaPolicy";

    private final DecisionService decisions;

    SlaPolicies(DecisionService decisions) {
        this.decisions = decisions;
    }

    public SlaPolicy policy(Channel channel, String tier, boolean publicPost) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION_KEY)
            .variables(Variables.createVariables()
                .putValue(ContactLifecycleProcess.Variables.CHANNEL, channel.name())
                .putValue(ContactLifecycleProcess.Variables.TIER, tier)
                .putValue(ContactLifecycleProcess.Variables.PUBLIC_POST, publicPost))
            .evaluate()
            .getSingleResult();
        return of(result, channel, tier);
    }

    /**
     * The row a case's promises are counted from: the one the case file keeps ({@link CaseFile#choosePolicy}), or, for
     * a lifecycle started before the case file kept it, the one its process instance keeps in variables.
     */
    static SlaPolicy of(CaseRecord record, VariableScope execution) {
        return record.slaPolicy() != null ? record.slaPolicy() : SlaPolicy.of(execution);
    }

    /** The policy of the row the table chose for a channel and tier (null: none matched, which the table must not allow). */
    static SlaPolicy of(DmnDecisionResultEntries row, Object channel, Object tier) {
        if (row == null) {
            throw new IllegalStateException("the SLA policy has no row for " + channel + ", " + tier);
        }
        return SlaPolicy.of(row.getEntryMap());
    }

}
