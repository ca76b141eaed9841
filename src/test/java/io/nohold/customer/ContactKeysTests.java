package io.nohold.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How e-mail addresses and phone numbers become the keys that identify a customer. */
class ContactKeysTests {

    @Test
    void emailKeyIgnoresCaseAndSurroundingSpace() {
        assertThat(ContactKeys.email("  Maria.Lopez@Example.COM ")).isEqualTo("maria.lopez@example.com");
        assertThat(ContactKeys.email("maria.lopez@example.com")).isEqualTo(ContactKeys.email("MARIA.LOPEZ@EXAMPLE.COM"));
    }

    @Test
    void emailKeyOfNothingIsNull() {
        assertThat(ContactKeys.email(null)).isNull();
        assertThat(ContactKeys.email("")).isNull();
        assertThat(ContactKeys.email("   ")).isNull();
    }

    @Test
    void phoneKeyKeepsDigitsAndTheInternationalPlus() {
        assertThat(ContactKeys.phone("+49 (40) 123-456")).isEqualTo("+4940123456");
        assertThat(ContactKeys.phone(" +49 40 123456 ")).isEqualTo("+4940123456");
        assertThat(ContactKeys.phone("+49.40.123.456")).isEqualTo("+4940123456");
    }

    @Test
    void phoneKeyReadsALeadingDoubleZeroAsThePlus() {
        assertThat(ContactKeys.phone("0049 40 123456")).isEqualTo("+4940123456");
        assertThat(ContactKeys.phone("0049 40 123456")).isEqualTo(ContactKeys.phone("+49 (40) 123-456"));
    }

    @Test
    void phoneKeyKeepsANationalNumberAsItsDigits() {
        assertThat(ContactKeys.phone("040 123456")).isEqualTo("040123456");
        assertThat(ContactKeys.phone("040 123456")).isNotEqualTo(ContactKeys.phone("+49 40 123456"));
    }

    @Test
    void phoneKeyOfNothingIsNull() {
        assertThat(ContactKeys.phone(null)).isNull();
        assertThat(ContactKeys.phone("  ")).isNull();
        assertThat(ContactKeys.phone("+ () -")).isNull();
        assertThat(ContactKeys.phone("ask for Dana")).isNull();
    }

}
