package io.nohold.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class PublicHolidaysTests {

    @Test
    void christmasIsAHolidayAndAnOrdinaryDayIsNot() {
        assertThat(PublicHolidays.isHoliday(java.util.Optional.of("DE"), "HH", LocalDate.of(2026, 12, 25))).isTrue();
        assertThat(PublicHolidays.isHoliday(java.util.Optional.of("DE"), "HH", LocalDate.of(2026, 12, 23))).isFalse();
        assertThat(PublicHolidays.isHoliday(java.util.Optional.empty(), null, LocalDate.of(2026, 12, 25))).isFalse();
    }

    /** Intakes right after a start ask for years nobody asked for yet, on many threads at once: each gets its days. */
    @Test
    void manyThreadsAskingForNewYearsAtOnceAllGetThem() throws Exception {
        List<String> countries = List.of("DE", "FR", "IT", "ES", "PL", "SE", "NL", "DK", "AT", "CZ", "PT", "FI");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(countries.size());
        try {
            List<Future<Set<LocalDate>>> answers = countries.stream()
                .map(country -> threads.submit(() -> {
                    start.await();
                    return PublicHolidays.of(country, null, 2061 + countries.indexOf(country));
                }))
                .toList();
            start.countDown();
            for (int i = 0; i < countries.size(); i++) {
                assertThat(answers.get(i).get()).as(countries.get(i)).contains(LocalDate.of(2061 + i, 1, 1));
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

}
