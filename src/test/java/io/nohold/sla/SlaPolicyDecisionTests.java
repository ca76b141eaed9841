package io.nohold.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
  * Unit tests for the {@code SlaPolicy} decision table in {@code processes/sla-policy.dmn}, evaluated with the
  * standalone DMN engine (no process engine, no Spring context).
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

    @ParameterizedTest(name = "{0} / {1} / publicPost={2} -> {3}, {4}, {5}")
    @CsvSource({
            // channel, tier,     publicPost, personalWindow, firstResponse, resolution
            "PHONE,     STANDARD, false,      PT5M,           PT15M,         P1D",
            "PHONE,     PREMIUM,  false,      PT2M30S,        PT7M30S,       P1D",
            "CHAT,      STANDARD, false,      PT2M,           PT5M,          P1D",
            "CHAT,      PREMIUM,  false,      PT1M,           PT2M30S,       P1D",
            "EMAIL,     STANDARD, false,      PT2H,           PT4H,          P3D",
            "EMAIL,     PREMIUM,  false,      PT1H,           PT2H,          P3D",
            "WEB,       STANDARD, false,      PT2H,           PT4H,          P3D",
            "WEB,       PREMIUM,  false,      PT1H,           PT2H,          P3D",
            "SOCIAL,    STANDARD, true,       PT10M,          PT30M,         P1D",
            "SOCIAL,    PREMIUM,  true,       PT5M,           PT15M,         P1D",
            "SOCIAL,    STANDARD, false,      PT2H,           PT4H,          P3D",
            "SOCIAL,    PREMIUM,  false,      PT1H,           PT2H,          P3D",
    })
    void everyChannelAndTierGetsItsOwnWindows(String channel, String tier, boolean publicPost,
            String personalWindow, String firstResponse, String resolution) {
        DmnDecisionRuleResult windows = evaluate(channel, tier, publicPost);

        assertThat(windows.<String>getEntry("personalWindow")).isEqualTo(personalWindow);
        assertThat(windows.<String>getEntry("firstResponse")).isEqualTo(firstResponse);
        assertThat(windows.<String>getEntry("resolution")).isEqualTo(resolution);
    }

    @Test
    void publicSocialPostGetsTheUrgentWindows() {
        DmnDecisionRuleResult windows = evaluate("SOCIAL", "STANDARD", true);

        assertThat(windows.<String>getEntry("personalWindow")).isEqualTo("PT10M");
        assertThat(windows.<String>getEntry("firstResponse")).isEqualTo("PT30M");
        assertThat(windows.<String>getEntry("resolution")).isEqualTo("P1D");
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

    @ParameterizedTest(name = "{0} / publicPost={1}")
    @CsvSource({
            "PHONE,  false",
            "CHAT,   false",
            "EMAIL,  false",
            "WEB,    false",
            "SOCIAL, true",
            "SOCIAL, false",
    })
    void premiumTierHalvesPersonalWindowAndFirstResponseButNotResolution(String channel, boolean publicPost) {
        DmnDecisionRuleResult standard = evaluate(channel, "STANDARD", publicPost);
        DmnDecisionRuleResult premium = evaluate(channel, "PREMIUM", publicPost);

        assertThat(durationOf(premium, "personalWindow"))
                .isEqualTo(durationOf(standard, "personalWindow").dividedBy(2));
        assertThat(durationOf(premium, "firstResponse"))
                .isEqualTo(durationOf(standard, "firstResponse").dividedBy(2));
        assertThat(durationOf(premium, "resolution")).isEqualTo(durationOf(standard, "resolution"));
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
        assertThat(table.getRules()).hasSize(12);
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

    private static Duration durationOf(DmnDecisionRuleResult result, String output) {
        return Duration.parse(result.<String>getEntry(output));
    }

    private static DmnModelInstance readModel() throws IOException {
        try (InputStream in = Files.newInputStream(DMN_FILE)) {
            return Dmn.readModelFromStream(in);
        }
    }
}
