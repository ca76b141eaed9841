package io.nohold.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScenarioReaderTests {

    @Test
    void theMinimalFormIsReadWithDefaults() {
        Scenario scenario = ScenarioReader.read("""
                {"start": "2026-12-07T08:00:00+01:00", "hours": 8, "seed": 1, "mode": "pooled",
                 "answerTargetSeconds": 20, "handleTime": {"distribution": "exponential", "meanSeconds": 180},
                 "regions": [{"id": "north", "timeZone": "Europe/Berlin", "reps": 14, "arrivalsPerHour": 200,
                 "channels": {"PHONE": 1.0}}]}""");

        assertThat(scenario.modes()).containsExactly(RoutingMode.POOLED);
        assertThat(scenario.awayShare()).isZero();
        assertThat(scenario.drainHours()).isEqualTo(24.0);
        assertThat(scenario.regions().get(0).reps()).isEqualTo(14);
    }

    @Test
    void leftOutFieldsAreDefaulted() {
        Scenario scenario = ScenarioReader.read("""
                {"start": "2026-12-07T08:00:00+01:00", "regions": [{"id": "north", "reps": 3, "arrivalsPerHour": 10}]}""");

        assertThat(scenario.hours()).isEqualTo(8.0);
        assertThat(scenario.seed()).isEqualTo(1L);
        assertThat(scenario.modes()).containsExactly(RoutingMode.RINGS);
        assertThat(scenario.answerTargetSeconds()).isEqualTo(20);
        assertThat(scenario.handleTime().distribution()).isEqualTo(Scenario.HandleTime.Distribution.EXPONENTIAL);
        assertThat(scenario.handleTime().meanSeconds()).isEqualTo(180.0);
    }

    @Test
    void everyWrongFieldIsNamed() {
        ScenarioReader.InvalidScenario refused = catchThrowableOfType(() -> ScenarioReader.read("""
                {"start": "2026-12-07T08:00:00+01:00", "hours": 0, "awayShare": 2,
                 "regions": [{"id": "North Side", "reps": 0, "arrivalsPerHour": -1}]}"""), ScenarioReader.InvalidScenario.class);

        assertThat(refused.problems()).containsExactlyInAnyOrder("awayShare: must be a share between 0 and 1",
                "hours: must be at least 0.01 hours", "regions[0].arrivalsPerHour: must be 0 or more",
                "regions[0].id: must be lower-case letters and digits, words joined by -, like north or north-2",
                "regions[0].reps: must be at least 1");
    }

    @Test
    void unknownFieldsModesAndZonesAreRefusedWithWhatIsAccepted() {
        assertThat(problems("""
                {"start": "2026-12-07T08:00:00+01:00", "regions": [{"id": "north", "reps": 3, "arrivalsPerHour": 1, "agents": 3}]}"""))
            .singleElement()
            .asString()
            .startsWith("regions[0].agents: is not a field of the scenario here; accepted: absences, arrivalsPerHour, channels");
        assertThat(problems("""
                {"start": "2026-12-07T08:00:00+01:00", "mode": "queue", "regions": [{"id": "north", "reps": 3, "arrivalsPerHour": 1}]}"""))
            .containsExactly("mode: 'queue' is not accepted; accepted: rings, pooled, personal");
        assertThat(problems("""
                {"start": "2026-12-07T08:00:00+01:00", "regions": [{"id": "north", "timeZone": "Mars/Olympus", "reps": 3, "arrivalsPerHour": 1}]}"""))
            .containsExactly("regions[0].timeZone: must be an IANA time zone like Europe/Berlin");
        assertThat(problems("""
                {"start": "monday", "regions": [{"id": "north", "reps": 3, "arrivalsPerHour": 1}]}"""))
            .singleElement()
            .asString()
            .startsWith("start: 'monday' is not an ISO date-time with offset");
        assertThat(problems("""
                {"start": "2026-12-07T08:00:00+01:00", "handleTime": {"distribution": "lognormal", "meanSeconds": 180},
                 "regions": [{"id": "north", "reps": 3, "arrivalsPerHour": 1}]}"""))
            .containsExactly("handleTime.spreadSeconds: is required for lognormal: the standard deviation in seconds, above 0");
    }

    private static List<String> problems(String json) {
        return catchThrowableOfType(() -> ScenarioReader.read(json), ScenarioReader.InvalidScenario.class).problems();
    }

}
