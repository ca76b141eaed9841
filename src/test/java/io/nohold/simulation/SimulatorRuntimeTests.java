package io.nohold.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SimulatorRuntimeTests {

    private static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

    @Test
    void theSimulatorsHeapIsInHugePagesWhereTheKernelGivesThemToAProgramThatAsks() {
        assertThat(SimulatorRuntime.optionsOfItsOwn(List.of("-Xmx4g"), Optional.of("always [madvise] never\n")))
            .containsExactly(HUGE_PAGES);
        assertThat(SimulatorRuntime.optionsOfItsOwn(List.of(), Optional.of("[always] madvise never\n")))
            .containsExactly(HUGE_PAGES);
    }

    @Test
    void noHugePagesWhereTheKernelHasNoneToGive() {
        assertThat(SimulatorRuntime.optionsOfItsOwn(List.of(), Optional.of("always madvise [never]\n"))).isEmpty();
        assertThat(SimulatorRuntime.optionsOfItsOwn(List.of(), Optional.empty())).isEmpty();
    }

    @Test
    void aCommandLineThatChoseAboutLargePagesIsLeftAsItIs() {
        Optional<String> offered = Optional.of("always [madvise] never\n");
        assertThat(SimulatorRuntime.optionsOfItsOwn(List.of("-XX:-UseTransparentHugePages"), offered)).isEmpty();
        assertThat(SimulatorRuntime.optionsOfItsOwn(List.of("-XX:+UseLargePages"), offered)).isEmpty();
        assertThat(SimulatorRuntime.optionsOfItsOwn(List.of("-XX:LargePageSizeInBytes=1g"), offered)).isEmpty();
    }

}
