package io.nohold.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Averaging the Erlang C check over several days (--replications), and the options that ask for it. */
class ErlangCCheckTests {

    @Test
    void severalRunsAreAveragedWithTheirConfidenceInterval() {
        // the average waits of four 12-hour days at 14 agents (seeds 1-4 in docs/simulation.md)
        List<ErlangCCheck.Row> days = List.of(day(6.9, 0.868, 2407), day(5.5, 0.910, 2444), day(5.3, 0.920, 2411),
                day(8.2, 0.877, 2467));

        ErlangCCheck.Row combined = ErlangCCheck.combined(days);

        assertThat(combined.replications()).isEqualTo(4);
        assertThat(combined.contacts()).isEqualTo(2407 + 2444 + 2411 + 2467);
        assertThat(combined.asaSeconds()).isCloseTo(6.475, offset(1e-9));
        assertThat(combined.serviceLevel()).isCloseTo(0.89375, offset(1e-9));
        // sample SD of the waits 1.3525; t(3) = 3.182; half-width 3.182 * 1.3525 / 2
        assertThat(combined.asaMargin()).isCloseTo(2.152, offset(0.001));
        assertThat(combined.expectedAsaSeconds()).isEqualTo(7.8);
    }

    @Test
    void oneRunIsReportedAsItIsWithoutAnInterval() {
        ErlangCCheck.Row day = day(6.9, 0.868, 2407);

        assertThat(ErlangCCheck.combined(List.of(day))).isSameAs(day);
        assertThat(day.line()).contains("ASA 6.9 s").doesNotContain("±");
    }

    @Test
    void studentsTIsTheTablesForSmallAndLargeSamples() {
        assertThat(ErlangCCheck.studentT975(3)).isEqualTo(3.182);
        assertThat(ErlangCCheck.studentT975(10)).isCloseTo(2.228, offset(0.005));
        assertThat(ErlangCCheck.studentT975(35)).isCloseTo(2.030, offset(0.005));
        assertThat(ErlangCCheck.studentT975(1000)).isCloseTo(1.962, offset(0.005));
    }

    @Test
    void replicationsAreAcceptedOnlyWithTheErlangCCheckAndWithinBounds() {
        assertThat(SimulationCommand.Options.parse(new String[] { "--scenario", "s.json", "--out", "o", "--erlang-c",
                "--replications", "36" }).replications()).isEqualTo(36);
        assertThatThrownBy(() -> SimulationCommand.Options.parse(new String[] { "--scenario", "s.json", "--out", "o",
                "--replications", "5" })).hasMessageContaining("--replications: goes with --erlang-c");
        assertThatThrownBy(() -> SimulationCommand.Options.parse(new String[] { "--scenario", "s.json", "--out", "o",
                "--erlang-c", "--replications", "0" }))
            .hasMessageContaining("--replications: must be a whole number from 1 to 1000");
        assertThatThrownBy(() -> SimulationCommand.Options.parse(new String[] { "--scenario", "s.json", "--out", "o",
                "--max-reps", "many" })).hasMessageContaining("--max-reps: must be a whole number from 1 to 500");
    }

    private static ErlangCCheck.Row day(double asa, double serviceLevel, int contacts) {
        return new ErlangCCheck.Row(14, contacts, 0.888, serviceLevel, 7.8, asa, 0.174, 0.2, 50, 10, 0.88, 8, 0.18, 1, 0,
                0, 0);
    }

}
