package io.nohold.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Test;

class SimulatorRuntimeTests {

    private static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

    private static final String SERIAL = "-XX:+UseSerialGC";

    private static final String INLINING = "-XX:InlineSmallCode=500";

    private static final Optional<String> OFFERED = Optional.of("always [madvise] never\n");

    private static final Optional<String> NONE = Optional.empty();

    @Test
    void theSimulatorsHeapIsInHugePagesWhereTheKernelGivesThemToAProgramThatAsks() {
        assertOwnOptions(OFFERED, "-Xmx4g").containsExactly(HUGE_PAGES, SERIAL, INLINING);
        assertOwnOptions(Optional.of("[always] madvise never\n")).containsExactly(HUGE_PAGES, SERIAL, INLINING);
    }

    @Test
    void noHugePagesWhereTheKernelHasNoneToGive() {
        assertOwnOptions(Optional.of("always madvise [never]\n")).containsExactly(SERIAL, INLINING);
        assertOwnOptions(NONE).containsExactly(SERIAL, INLINING);
    }

    @Test
    void aCommandLineThatChoseAboutLargePagesIsLeftAsItIs() {
        assertOwnOptions(OFFERED, "-XX:-UseTransparentHugePages").containsExactly(SERIAL, INLINING);
        assertOwnOptions(OFFERED, "-XX:+UseLargePages").containsExactly(SERIAL, INLINING);
        assertOwnOptions(OFFERED, "-XX:LargePageSizeInBytes=1g").containsExactly(SERIAL, INLINING);
    }

    @Test
    void aCommandLineThatChoseACollectorKeepsIt() {
        // the JVM refuses a command line that names two collectors
        for (String choice : List.of("-XX:+UseG1GC", "-XX:+UseParallelGC", "-XX:+UseZGC", "-XX:+UseShenandoahGC",
                "-XX:+UseEpsilonGC", "-XX:+UseSerialGC", "-XX:-UseSerialGC")) {
            assertOwnOptions(OFFERED, "-Xmx2g", choice).as(choice).containsExactly(HUGE_PAGES, INLINING);
        }
    }

    @Test
    void tuningACollectorIsNotChoosingOne() {
        for (String tuning : List.of("-XX:MaxGCPauseMillis=50", "-XX:+UseGCOverheadLimit", "-XX:ParallelGCThreads=1",
                "-Xlog:gc", "-XX:+UseStringDeduplication")) {
            assertOwnOptions(NONE, tuning).as(tuning).containsExactly(SERIAL, INLINING);
        }
    }

    @Test
    void aCommandLineThatSetsTheInliningLimitKeepsIt() {
        assertOwnOptions(NONE, "-XX:InlineSmallCode=2500").containsExactly(SERIAL);
        // other inlining options leave that limit to the simulator
        assertOwnOptions(NONE, "-XX:MaxInlineLevel=9").containsExactly(SERIAL, INLINING);
    }

    private static ListAssert<String> assertOwnOptions(Optional<String> kernelSetting, String... commandLine) {
        return assertThat(SimulatorRuntime.optionsOfItsOwn(List.of(commandLine), kernelSetting));
    }

}
