package io.nohold.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Phone numbers become E.164, national numbers with the customer's country; anything else is refused. */
class PhoneNumbersTests {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "040 1234567,         DE, +49401234567",
            "040 1234567,         de, +49401234567",
            "+49 40 1234567,      -,  +49401234567",
            "+49 (40) 123-4567,   FR, +49401234567",
            "0049 40 1234567,     -,  +49401234567",
            "0049 40 1234567,     DE, +49401234567",
            "089/1234567,         DE, +49891234567",
            "+45 3355 0102,       -,  +4533550102",
            "33 55 01 02,         DK, +4533550102",
            "(415) 555-2671,      US, +14155552671",
            "+1 415.555.2671,     -,  +14155552671" })
    void validNumbersBecomeE164(String written, String country, String e164) {
        assertThat(PhoneNumbers.e164(written, country)).contains(e164);
    }

    @Test
    void aNationalNumberAndTheSameNumberWrittenInternationallyAreOneNumber() {
        assertThat(PhoneNumbers.e164("040 1234567", "DE")).isEqualTo(PhoneNumbers.e164("+49 40 1234567", null));
        assertThat(ContactKeys.phone(PhoneNumbers.e164("040 1234567", "DE").orElseThrow()))
            .as("the customer key of the stored number").isEqualTo(ContactKeys.phone("+49 40 1234567"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "040 1234567", "1234567", "12" })
    void aNationalNumberWithoutCountryIsRefused(String written) {
        assertThat(PhoneNumbers.e164(written, null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "12", "+49 12", "+999 1234567", "+49 40 1234567 ext. 12", "1-800-FLOWERS", "ask for Dana",
            "+49 40 123\u00004567", "+49 40\n1234567", "++49 40 1234567", "", "   ", "+49 40 12345678901234567890123456789" })
    void unreadableOrInvalidNumbersAreRefused(String written) {
        assertThat(PhoneNumbers.e164(written, "DE")).as(written).isEmpty();
    }

    @Test
    void aStoredNumberIsShownAsPeopleWriteIt() {
        assertThat(PhoneNumbers.display("+49405550199")).isEqualTo("+49 40 5550199");
        assertThat(PhoneNumbers.display("040 123")).as("a number stored before E.164 stays as it is").isEqualTo("040 123");
        assertThat(PhoneNumbers.display(null)).isNull();
    }

}
