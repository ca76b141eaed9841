package io.nohold.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SimulatorRuntimeTests {

    private static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

    private static final String SERIAL = "-XX:+UseSerialGC";

    private static final Optional<String> OFFERED = Optional.of("always [madvise] never\n");

    @Test
    void theSimulatorsHeapIsInHugePagesWhereTheKernelGivesThemToAProgramThatAsks() {
        assertThat(SimulatorRuntime.optionsOfItsOwn(List.of("-Xmx4g"), OFFERED)).containsExactly(HUGE_PAGES, SERIAL);
        assertThat(SimulatorRuntime.optionsOfItsOwn(List.of(), Optional.of("[always] madvise never\n")))
            .containsExactly(HUGE_PAGES, SERIAL);
    }

    @Test
    void noHugePagesWhereTheKernelHasNoneToGive() {
        assertThat(SimulatorRuntime.optionsOfItsOwn(List.of(), Optional.of("always madvise [never]\n"))).containsExactly(SERIAL);
        assertThat(SimulatorRuntime.optionsOfItsOwn(List.of(), Optional.empty())).containsExactly(SERIAL);
    }

    @Test
    void aCommandLineThatChoseAboutLargePagesIsLeftAsItIs() {
        assertThat(SimulatorRuntime.optionsOfItsOwn(List.of("-XX:-UseTransparentHugePages"), OFFERED)).containsExactly(SERIAL);
        assertThat(SimulatorRuntime.optionsOfItsOwn(List.of("-XX:+UseLargePages"), OFFERED)).containsExactly(SERIAL);
        assertThat(SimulatorRuntime.optionsOfItsOwn(List.of("-XX:LargePageSizeInBytes=1g"), OFFERED)).containsExactly(SERIAL);
    }

    @Test
    void aCommandLineThatChoseACollectorKeepsIt() {
        // the JVM refuses a command line that names two collectors
        for (String choice : List.of("-XX:+UseG1GC", "-XX:+UseParallelGC", "-XX:+UseZGC", "-XX:+UseShenandoahGC",
                "-XX:+UseEpsilonGC", "-XX:+UseSerialGC", "-XX:-UseSerialGC")) {
            assertThat(SimulatorRuntime.optionsOfItsOwn(List.of("-Xmx2g", choice), OFFERED)).as(choice).containsExactly(HUGE_PAGES);
        }
    }

    @Test
    void tuningACollectorIsNotChoosingOne() {
        for (String tuning : List.of("-XX:MaxGCPauseMillis=50", "-XX:+UseGCOverheadLimit", "-XX:ParallelGCThreads=1",
                "-Xlog:gc", "-XX:+UseStringDeduplication")) {
            assertThat(SimulatorRuntime.optionsOfItsOwn(List.of(tuning), Optional.empty())).as(tuning).containsExactly(SERIAL);
        }
    }

}
