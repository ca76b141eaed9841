package io.nohold.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** How a promised time reads for the customer: the region's zone, weekday, date, the zone, the year only if another. */
class PromiseTimeTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static final Instant NOW = Instant.parse("2026-12-04T14:00:00Z");

    @Test
    void winterTimeReadsInCentralEuropeanTime() {
        assertThat(PromiseTime.format(Instant.parse("2026-12-07T07:15:00Z"), BERLIN, NOW))
            .isEqualTo("Monday 7 December, 08:15 CET");
    }

    @Test
    void summerTimeReadsInCentralEuropeanSummerTime() {
        assertThat(PromiseTime.format(Instant.parse("2026-07-06T06:15:00Z"), BERLIN, Instant.parse("2026-07-01T10:00:00Z")))
            .isEqualTo("Monday 6 July, 08:15 CEST");
    }

    @Test
    void theDayChangesAcrossTheClocksGoingForward() {
        // 00:59 UTC on Sunday 28 March 2027 is 01:59 CET, a minute later it is 03:00 CEST
        Instant now = Instant.parse("2027-03-01T00:00:00Z");
        assertThat(PromiseTime.format(Instant.parse("2027-03-28T00:59:00Z"), BERLIN, now))
            .isEqualTo("Sunday 28 March, 01:59 CET");
        assertThat(PromiseTime.format(Instant.parse("2027-03-28T01:00:00Z"), BERLIN, now))
            .isEqualTo("Sunday 28 March, 03:00 CEST");
    }

    @Test
    void aPromiseInAnotherYearNamesTheYear() {
        assertThat(PromiseTime.format(Instant.parse("2027-01-04T08:00:00Z"), BERLIN, NOW))
            .isEqualTo("Monday 4 January 2027, 09:00 CET");
    }

    @Test
    void theYearIsTheRegionsYearNotUtcs() {
        // 23:30 UTC on 31 December is already New Year's Day in Berlin: the promise is this year's there
        Instant newYearsEveUtc = Instant.parse("2026-12-31T23:30:00Z");
        assertThat(PromiseTime.format(Instant.parse("2027-01-01T09:00:00Z"), BERLIN, newYearsEveUtc))
            .isEqualTo("Friday 1 January, 10:00 CET");
    }

    @Test
    void otherZonesReadInTheirOwnTime() {
        Instant at = Instant.parse("2026-12-07T07:15:00Z");
        assertThat(PromiseTime.format(at, ZoneId.of("Europe/London"), NOW)).isEqualTo("Monday 7 December, 07:15 GMT");
        assertThat(PromiseTime.format(at, ZoneId.of("America/New_York"), NOW)).isEqualTo("Monday 7 December, 02:15 EST");
    }

    @Test
    void aRegionWithoutCalendarReadsInUtc() {
        assertThat(PromiseTime.format(Instant.parse("2026-12-07T07:15:00Z"), ZoneOffset.UTC, NOW))
            .isEqualTo("Monday 7 December, 07:15 UTC");
    }

    @Test
    void noTimeReadsEmpty() {
        assertThat(PromiseTime.format(null, BERLIN, NOW)).isEmpty();
    }

}
