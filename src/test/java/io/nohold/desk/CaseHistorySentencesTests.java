package io.nohold.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.nohold.casefile.CaseEvent;
import io.nohold.casefile.CaseEventType;

class CaseHistorySentencesTests {

    private final CaseHistorySentences sentences = new CaseHistorySentences();

    @Test
    void aCompletedTaskReadsAsWhoDidWhatWithTheOutcomeInWords() {
        CaseEvent done = event(CaseEventType.TASK_COMPLETED, "Reach customer", "dana", "FOLLOW_UP", "will call after lunch");

        assertThat(sentences.of(done, "Dana Berg"))
            .isEqualTo("Dana Berg completed \"Reach customer\": follow-up planned. Notes: will call after lunch");
    }

    @Test
    void partsWithoutAValueAreLeftOutNotShownEmpty() {
        assertThat(sentences.of(event(CaseEventType.TASK_COMPLETED, "Reach customer", "dana", null, null), "Dana Berg"))
            .isEqualTo("Dana Berg completed \"Reach customer\"");
        assertThat(sentences.of(event(CaseEventType.RESOLVED, null, null, null, null), null)).isEqualTo("Resolved");
        assertThat(sentences.of(event(CaseEventType.BACK_TO_HANDLER, null, null, null, "follow-up time reached"), null))
            .isEqualTo("Back with the team: follow-up time reached");
    }

    @Test
    void whatTheCustomerWroteIsQuotedOnOneLineAndCut() {
        String longText = "first line\nsecond line " + "x".repeat(300);
        String sentence = sentences.of(event(CaseEventType.CONTACT_RECEIVED, null, "C-1", "EMAIL", longText), "the customer");

        assertThat(sentence).startsWith("The customer got in touch by e-mail: \"first line second line xxx")
            .doesNotContain("\n")
            .endsWith("...\"");
        assertThat(sentence.length()).isLessThan(220);
    }

    @Test
    void textIsNotHtmlEscapedBecauseTheFormShowsPlainText() {
        String sentence = sentences.of(event(CaseEventType.CONTACT_JOINED, null, "C-1", "CHAT", "Tom & Jerry's <lamp>"), null);

        assertThat(sentence).isEqualTo("The customer wrote again by chat: \"Tom & Jerry's <lamp>\"");
    }

    @Test
    void everyKindOfEntryHasASentenceAndNoneShowsItsCode() {
        for (CaseEventType type : CaseEventType.values()) {
            String sentence = sentences.of(event(type, "Reach customer", "dana", "APPROVED", "a detail"), "Dana Berg");
            assertThat(sentence).as(type.name()).isNotBlank().doesNotContain(type.name(), "{{", "}}");
        }
    }

    @Test
    void aMissingSentenceStopsTheStartNamingTheKind() {
        Properties words = new Properties();
        words.setProperty("RESOLVED", "Resolved");

        assertThatThrownBy(() -> new CaseHistorySentences(words)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("CONTACT_RECEIVED")
            .hasMessageContaining(CaseHistorySentences.RESOURCE);
    }

    private static CaseEvent event(CaseEventType type, String task, String actor, String outcome, String detail) {
        return new CaseEvent(1, "NH-000001", Instant.parse("2027-03-01T09:00:00Z"), type, task, actor, outcome, detail);
    }

}
