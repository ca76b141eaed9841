package io.nohold.accommodation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.nohold.testsupport.DmnEngines;
import org.camunda.bpm.dmn.engine.DmnDecision;
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
  * Unit tests for the {@code AccommodationAuthority} decision table in
  * {@code processes/accommodation-authority.dmn}, evaluated with the standalone DMN engine.
  */
class AccommodationAuthorityDecisionTests {

    private static final Path DMN_FILE = Path.of("processes", "accommodation-authority.dmn");
    private static final String DECISION_KEY = "AccommodationAuthority";

    private static DmnEngine dmnEngine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws IOException {
        dmnEngine = DmnEngines.likeTheApplication();
        try (InputStream in = Files.newInputStream(DMN_FILE)) {
            decision = dmnEngine.parseDecision(DECISION_KEY, in);
        }
    }

    @ParameterizedTest(name = "{0} {1} ({2}) -> {3}")
    @CsvSource({
            "REFUND, 0,      STANDARD, true",
            "REFUND, 99.99,  STANDARD, true",
            "REFUND, 100,    STANDARD, true",
            "REFUND, 100.01, STANDARD, false",
            "CREDIT, 100,    STANDARD, true",
            "CREDIT, 100.01, STANDARD, false",
    })
    void standardRefundsAndCreditsUpToAndIncluding100AreWithinAuthority(String type, double amount, String tier,
            boolean expected) {
        assertThat(withinAuthority(type, amount, tier)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} ({2}) -> {3}")
    @CsvSource({
            "REFUND, 100,    PREMIUM, true",
            "REFUND, 100.01, PREMIUM, true",
            "REFUND, 250,    PREMIUM, true",
            "REFUND, 250.01, PREMIUM, false",
            "CREDIT, 100.01, PREMIUM, true",
            "CREDIT, 250,    PREMIUM, true",
            "CREDIT, 250.01, PREMIUM, false",
    })
    void premiumRefundsAndCreditsUpToAndIncluding250AreWithinAuthority(String type, double amount, String tier,
            boolean expected) {
        assertThat(withinAuthority(type, amount, tier)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} ({2}) -> {3}")
    @CsvSource({
            "REPLACEMENT, 0,      STANDARD, true",
            "REPLACEMENT, 300,    STANDARD, true",
            "REPLACEMENT, 300.01, STANDARD, false",
            "REPLACEMENT, 300,    PREMIUM,  true",
            "REPLACEMENT, 300.01, PREMIUM,  false",
    })
    void replacementsUpToAndIncluding300AreWithinAuthorityForAnyTier(String type, double amount, String tier,
            boolean expected) {
        assertThat(withinAuthority(type, amount, tier)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "OTHER {0} ({1})")
    @CsvSource({
            "0,    STANDARD",
            "0.01, STANDARD",
            "0,    PREMIUM",
            "50,   PREMIUM",
    })
    void otherAccommodationsAlwaysNeedSupervisorApproval(double amount, String tier) {
        assertThat(withinAuthority("OTHER", amount, tier)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UPGRADE", ""})
    void unknownAccommodationTypesNeedSupervisorApproval(String type) {
        assertThat(withinAuthority(type, 1.0, "PREMIUM")).isFalse();
    }

    @Test
    void missingAmountNeedsSupervisorApproval() {
        assertThat(withinAuthority("REFUND", null, "PREMIUM")).isFalse();
    }

    @Test
    void wholeNumberAmountsAreComparedLikeDecimals() {
        assertThat(withinAuthority("REFUND", 100, "STANDARD")).isTrue();
        assertThat(withinAuthority("REFUND", 101, "STANDARD")).isFalse();
        assertThat(withinAuthority("REPLACEMENT", 300L, "STANDARD")).isTrue();
    }

    @Test
    void decisionDeclaresHistoryTimeToLive() throws IOException {
        Decision modelDecision = readModel().getModelElementById(DECISION_KEY);

        assertThat(modelDecision).isNotNull();
        assertThat(modelDecision.getCamundaHistoryTimeToLiveString()).isEqualTo("180");
    }

    @Test
    void tableUsesFirstHitPolicyWithACatchAllLastRule() throws IOException {
        Decision modelDecision = readModel().getModelElementById(DECISION_KEY);
        DecisionTable table = (DecisionTable) modelDecision.getExpression();

        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
        var lastRule = table.getRules().stream().reduce((first, second) -> second).orElseThrow();
        assertThat(lastRule.getInputEntries())
                .allSatisfy(entry -> assertThat(entry.getTextContent().trim()).isEqualTo("-"));
        assertThat(lastRule.getOutputEntries())
                .singleElement()
                .satisfies(entry -> assertThat(entry.getTextContent().trim()).isEqualTo("false"));
    }

    private static Boolean withinAuthority(String type, Number amount, String tier) {
        DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(decision, Variables.createVariables()
                .putValue("accommodationType", type)
                .putValue("accommodationAmount", amount)
                .putValue("tier", tier));

        assertThat(result.getResultList())
                .as("FIRST hit policy with a catch-all rule always yields exactly one result")
                .hasSize(1);
        return result.getSingleResult().getEntry("withinAuthority");
    }

    private static DmnModelInstance readModel() throws IOException {
        try (InputStream in = Files.newInputStream(DMN_FILE)) {
            return Dmn.readModelFromStream(in);
        }
    }
}
