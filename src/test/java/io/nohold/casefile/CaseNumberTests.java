package io.nohold.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a case number reads: {@code NH-} and at least six digits, as customers quote it and search finds it. */
class CaseNumberTests {

    @Test
    void aSmallNumberIsPaddedToSixDigits() {
        assertThat(CaseRepository.caseNumber(1)).isEqualTo("NH-000001");
        assertThat(CaseRepository.caseNumber(42)).isEqualTo("NH-000042");
        assertThat(CaseRepository.caseNumber(999_999)).isEqualTo("NH-999999");
    }

    @Test
    void aNumberOfMoreThanSixDigitsIsKeptWhole() {
        assertThat(CaseRepository.caseNumber(1_000_000)).isEqualTo("NH-1000000");
        assertThat(CaseRepository.caseNumber(123_456_789_012L)).isEqualTo("NH-123456789012");
    }

    @Test
    void everyNumberReadsAsTheSearchExpectsIt() {
        for (long number = 0; number < 2_000_000; number += 7_919) {
            assertThat(CaseRepository.caseNumber(number)).isEqualTo("NH-%06d".formatted(number));
        }
    }

}
