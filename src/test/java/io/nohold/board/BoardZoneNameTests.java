package io.nohold.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The board names each region's zone so that the browser can show times in it. */
class BoardZoneNameTests {

    @Test
    void aRegionWithoutACalendarRunsOnUtcNamedAsBrowsersKnowIt() {
        assertThat(Board.zoneName(ZoneOffset.UTC)).isEqualTo("UTC");
        assertThat(Board.zoneName(ZoneId.of("UTC"))).isEqualTo("UTC");
        assertThat(Board.zoneName(ZoneId.of("Europe/Berlin"))).isEqualTo("Europe/Berlin");
    }

}
