package io.nohold.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.nohold.escalation.SupervisorEscalationProcess;
import io.nohold.lifecycle.ContactLifecycleProcess;
import org.junit.jupiter.api.Test;

/** Task names say whom and what, so a desk of twenty tasks reads at a glance. */
class TaskNamesTests {

    @Test
    void eachTaskNamesItsCustomerAndTopic() {
        assertThat(TaskNames.of(ContactLifecycleProcess.Elements.REACH_CUSTOMER, "Greta Lindqvist", "PHONE", "Broken lamp", null,
                "Reach customer")).isEqualTo("Reach Greta Lindqvist (phone)");
        assertThat(TaskNames.of(ContactLifecycleProcess.Elements.RESOLVE_CONTACT, "Greta Lindqvist", "PHONE", "Broken lamp", null,
                "Resolve contact")).isEqualTo("Resolve: Broken lamp");
        assertThat(TaskNames.of(ContactLifecycleProcess.Elements.APPROVE_ACCOMMODATION, "Otto Brandt", "EMAIL", "Late delivery",
                "refund of 180.00", "Approve accommodation")).isEqualTo("Approve: refund of 180.00 for Otto Brandt");
        assertThat(TaskNames.of(SupervisorEscalationProcess.Elements.HANDLE_ESCALATION, "Otto Brandt", "EMAIL", "Late delivery",
                null, "Handle escalation")).isEqualTo("Escalation: Late delivery (Otto Brandt)");
        assertThat(TaskNames.of("UserTask_Other", "Otto Brandt", null, "x", null, "Other task")).isEqualTo("Other task");
    }

    @Test
    void theTopicIsTheSubjectElseTheStartOfTheMessage() {
        assertThat(TaskNames.topic("Broken lamp", "long text")).isEqualTo("Broken lamp");
        assertThat(TaskNames.topic(" ", "short")).isEqualTo("short");
        assertThat(TaskNames.topic(null, "m".repeat(80))).hasSize(60).endsWith("...");
        assertThat(TaskNames.topic(null, null)).isEqualTo("contact");
    }

    @Test
    void longNamesAreCutToWhatTasklistShows() {
        assertThat(TaskNames.of(ContactLifecycleProcess.Elements.RESOLVE_CONTACT, "x", null, "s".repeat(200), null, "Resolve"))
            .hasSize(120)
            .endsWith("...");
    }

}
