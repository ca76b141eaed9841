package io.nohold.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.nohold.testsupport.DmnEngines;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
  * Unit tests for the {@code SlaPolicy} decision table in {@code processes/sla-policy.dmn}, evaluated with the
  * standalone DMN engine (no process engine, no Spring context). They check properties every version of the table
  * must have, not its numbers: a designer who changes a cell changes only the table.
  */
class SlaPolicyDecisionTests {

    private static final Path DMN_FILE = Path.of("processes", "sla-policy.dmn");
    private static final String DECISION_KEY = "SlaPolicy";

    private static DmnEngine dmnEngine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws IOException {
        dmnEngine = DmnEngines.likeTheApplication();
        try (InputStream in = Files.newInputStream(DMN_FILE)) {
            decision = dmnEngine.parseDecision(DECISION_KEY, in);
        }
    }

    /** Every contact NoHold takes in: each channel and tier, and for social both a public post and a direct message. */
    static Stream<Arguments> everyKindOfContact() {
        return Stream.of("PHONE", "CHAT", "EMAIL", "WEB", "SOCIAL")
            .flatMap(channel -> Stream.of("STANDARD", "PREMIUM")
                .flatMap(tier -> (channel.equals("SOCIAL") ? Stream.of(true, false) : Stream.of(false))
                    .map(publicPost -> Arguments.of(channel, tier, publicPost))));
    }

    @ParameterizedTest(name = "{0} / {1} / publicPost={2}")
    @MethodSource("everyKindOfContact")
    void everyKindOfContactGetsAPolicyTheSlaClockCanKeep(String channel, String tier, boolean publicPost) {
        // the application's own reading: every output present, ISO durations, the reminder before the promise, the
        // personal window within the first response, known hours, a priority between 0 and 100
        SlaPolicy policy = SlaPolicy.of(evaluate(channel, tier, publicPost).getEntryMap());

        assertThat(policy.resolution()).isGreaterThanOrEqualTo(policy.firstResponse());
        assertThat(policy.approvalWindow()).isLessThanOrEqualTo(policy.resolution());
    }

    @ParameterizedTest(name = "{0} / publicPost={1}")
    @CsvSource({ "PHONE, false", "CHAT, false", "EMAIL, false", "WEB, false", "SOCIAL, true", "SOCIAL, false" })
    void premiumCustomersAreNeverPromisedLessThanStandardOnes(String channel, boolean publicPost) {
        SlaPolicy standard = SlaPolicy.of(evaluate(channel, "STANDARD", publicPost).getEntryMap());
        SlaPolicy premium = SlaPolicy.of(evaluate(channel, "PREMIUM", publicPost).getEntryMap());

        assertThat(premium.personalWindow()).isLessThanOrEqualTo(standard.personalWindow());
        assertThat(premium.firstResponse()).isLessThanOrEqualTo(standard.firstResponse());
        assertThat(premium.resolution()).isLessThanOrEqualTo(standard.resolution());
        assertThat(premium.taskPriority()).isGreaterThanOrEqualTo(standard.taskPriority());
        assertThat(premium.hours()).isEqualTo(standard.hours());
    }

    @ParameterizedTest
    @ValueSource(strings = { "STANDARD", "PREMIUM" })
    void theMoreUrgentTheChannelTheSoonerThePromiseAndTheHigherItsTasks(String tier) {
        List<SlaPolicy> byUrgency = List.of(SlaPolicy.of(evaluate("SOCIAL", tier, true).getEntryMap()),
                SlaPolicy.of(evaluate("PHONE", tier, false).getEntryMap()),
                SlaPolicy.of(evaluate("CHAT", tier, false).getEntryMap()),
                SlaPolicy.of(evaluate("EMAIL", tier, false).getEntryMap()));

        assertThat(byUrgency).extracting(SlaPolicy::taskPriority).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(byUrgency.get(1).firstResponse()).isLessThan(byUrgency.get(3).firstResponse());
        assertThat(byUrgency.get(2).firstResponse()).isLessThan(byUrgency.get(3).firstResponse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"STANDARD", "PREMIUM"})
    void socialDirectMessageIsTreatedLikeEmail(String tier) {
        assertThat(evaluate("SOCIAL", tier, false).getEntryMap())
                .isEqualTo(evaluate("EMAIL", tier, false).getEntryMap());
    }

    @ParameterizedTest
    @ValueSource(strings = {"STANDARD", "PREMIUM"})
    void webFormIsTreatedLikeEmail(String tier) {
        assertThat(evaluate("WEB", tier, false).getEntryMap())
                .isEqualTo(evaluate("EMAIL", tier, false).getEntryMap());
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({
            "PHONE, STANDARD", "PHONE, PREMIUM",
            "CHAT,  STANDARD", "CHAT,  PREMIUM",
            "EMAIL, STANDARD", "EMAIL, PREMIUM",
            "WEB,   STANDARD", "WEB,   PREMIUM",
    })
    void publicPostFlagOnlyMattersForSocial(String channel, String tier) {
        var notPublic = evaluate(channel, tier, false).getEntryMap();

        assertThat(evaluate(channel, tier, true).getEntryMap()).isEqualTo(notPublic);
        assertThat(evaluate(channel, tier, null).getEntryMap()).isEqualTo(notPublic);
    }

    @Test
    void unknownChannelMatchesNoRule() {
        DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(decision, Variables.createVariables()
                .putValue("channel", "FAX")
                .putValue("tier", "STANDARD")
                .putValue("publicPost", false));

        assertThat(result.getResultList()).isEmpty();
    }

    @Test
    void decisionDeclaresHistoryTimeToLive() throws IOException {
        Decision modelDecision = readModel().getModelElementById(DECISION_KEY);

        assertThat(modelDecision).isNotNull();
        assertThat(modelDecision.getCamundaHistoryTimeToLiveString()).isEqualTo("180");
    }

    @Test
    void tableUsesUniqueHitPolicyAndEveryRuleIsAnnotated() throws IOException {
        Decision modelDecision = readModel().getModelElementById(DECISION_KEY);
        DecisionTable table = (DecisionTable) modelDecision.getExpression();

        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
        assertThat(table.getRules()).allSatisfy(rule -> {
            assertThat(rule.getDescription()).as("annotation of rule %s", rule.getId()).isNotNull();
            assertThat(rule.getDescription().getTextContent()).as("annotation of rule %s", rule.getId()).isNotBlank();
        });
    }

    private static DmnDecisionRuleResult evaluate(String channel, String tier, Boolean publicPost) {
        DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(decision, Variables.createVariables()
                .putValue("channel", channel)
                .putValue("tier", tier)
                .putValue("publicPost", publicPost));

        assertThat(result.getResultList())
                .as("rules matching channel=%s, tier=%s, publicPost=%s", channel, tier, publicPost)
                .hasSize(1);
        return result.getSingleResult();
    }

    private static DmnModelInstance readModel() throws IOException {
        try (InputStream in = Files.newInputStream(DMN_FILE)) {
            return Dmn.readModelFromStream(in);
        }
    }
}
