package io.nohold.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.junit.jupiter.api.Test;

/** What the "Resolve contact" form's follow-up date means. */
class FollowUpDateTests {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** A region that opens at 08:00 in Berlin every day. */
    static Instant followUpAt(Object value) {
        return PlanFollowUpDelegate.followUpAt(value, NOW, BERLIN, day -> day.atTime(8, 0).atZone(BERLIN).toInstant());
    }

    @Test
    void aDayAloneMeansWhenTheRegionOpensThatDay() {
        assertThat(followUpAt("2026-03-04")).isEqualTo(Instant.parse("2026-03-04T07:00:00Z"));
    }

    @Test
    void aTimeWithAnOffsetIsTakenAsGivenAndWithoutOneInTheRegionsZone() {
        assertThat(followUpAt("2026-03-04T14:30:00+01:00")).isEqualTo(Instant.parse("2026-03-04T13:30:00Z"));
        assertThat(followUpAt("2026-03-04T14:30")).isEqualTo(Instant.parse("2026-03-04T13:30:00Z"));
        assertThat(followUpAt(Date.from(Instant.parse("2026-03-05T10:00:00Z"))))
            .isEqualTo(Instant.parse("2026-03-05T10:00:00Z"));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertThat(followUpAt("2026-03-01")).isEqualTo(NOW);
    }

    @Test
    void noDateOrNoDateAtAllIsRefused() {
        assertThatThrownBy(() -> followUpAt(" ")).hasMessageContaining("followUpDate");
        assertThatThrownBy(() -> followUpAt("next week")).hasMessageContaining("not a date");
    }

}
