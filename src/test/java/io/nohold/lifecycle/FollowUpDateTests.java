package io.nohold.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;

/** What the "Resolve contact" form's follow-up date means. */
class FollowUpDateTests {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aDayAloneMeansNineInTheMorningUtc() {
        assertThat(PlanFollowUpDelegate.followUpAt("2026-03-04", NOW)).isEqualTo(Instant.parse("2026-03-04T09:00:00Z"));
    }

    @Test
    void aTimeWithOrWithoutOffsetIsTakenAsGiven() {
        assertThat(PlanFollowUpDelegate.followUpAt("2026-03-04T14:30:00+01:00", NOW)).isEqualTo(Instant.parse("2026-03-04T13:30:00Z"));
        assertThat(PlanFollowUpDelegate.followUpAt("2026-03-04T14:30", NOW)).isEqualTo(Instant.parse("2026-03-04T14:30:00Z"));
        assertThat(PlanFollowUpDelegate.followUpAt(Date.from(Instant.parse("2026-03-05T10:00:00Z")), NOW))
            .isEqualTo(Instant.parse("2026-03-05T10:00:00Z"));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertThat(PlanFollowUpDelegate.followUpAt("2026-03-01", NOW)).isEqualTo(NOW);
    }

    @Test
    void noDateOrNoDateAtAllIsRefused() {
        assertThatThrownBy(() -> PlanFollowUpDelegate.followUpAt(" ", NOW)).hasMessageContaining("followUpDate");
        assertThatThrownBy(() -> PlanFollowUpDelegate.followUpAt("next week", NOW)).hasMessageContaining("not a date");
    }

}
