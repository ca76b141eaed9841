package io.nohold.lifecycle;

import java.util.Map;

import io.nohold.casefile.Channel;
import io.nohold.sla.SlaPolicy;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
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
        DmnDecisionRuleResult result = decisions
            .evaluateDecisionTableByKey(DECISION_KEY, Variables.createVariables()
                .putValue(ContactLifecycleProcess.Variables.CHANNEL, channel.name())
                .putValue(ContactLifecycleProcess.Variables.TIER, tier)
                .putValue(ContactLifecycleProcess.Variables.PUBLIC_POST, publicPost))
            .getSingleResult();
        if (result == null) {
            throw new IllegalStateException("the SLA policy has no row for " + channel + ", " + tier);
        }
        Map<String, Object> entries = result.getEntryMap();
        return SlaPolicy.of(entries);
    }

}
