package io.nohold.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What NoHold takes as an e-mail address, a country code and a line of text. */
class TextRulesTests {

    @ParameterizedTest
    @ValueSource(strings = { "maria@example.com", "maria.lopez@example.co.uk", "o'brien+tag@mail-1.example.org",
            "a@b.de", "x_y=z@sub.example.museum", "info@bücher.example", "me@example.xn--p1ai", "A.B@EXAMPLE.COM" })
    void deliverableAddressesAreAccepted(String address) {
        assertThat(TextRules.emailAddress(address)).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "a@example..com", "a@example", "a@.example.com", "a@example.com.", "a@-example.com",
            "a@example-.com", "a@example.c0m", "a@example.123", "a@1.2.3.4", "a@[127.0.0.1]", "a..b@example.com",
            ".a@example.com", "a.@example.com", "a b@example.com", " a@example.com", "a@example.com ",
            "a@exa mple.com", "a\u0000@example.com", "a@example.com\n", "\"a b\"@example.com", "a@b@example.com",
            "@example.com", "a@", "maria.example.com", "a(comment)@example.com", "mária@example.com", "a@exam_ple.com",
            "a@example.com\u0007" })
    void undeliverableOrDangerousAddressesAreRefused(String address) {
        assertThat(TextRules.emailAddress(address)).as(address).isFalse();
    }

    @Test
    void theLengthLimitsOfRfc5321Hold() {
        String local = "a".repeat(64);
        // four labels of 60 letters and "com": a domain of 247 characters; "abcdef@" makes 254
        String longDomain = ("b".repeat(60) + ".").repeat(4) + "com";
        assertThat(TextRules.emailAddress("abcdef@" + longDomain)).as("exactly 254").isTrue();
        assertThat(TextRules.emailAddress("abcdefg@" + longDomain)).as("255").isFalse();
        assertThat(TextRules.emailAddress(local + "@example.com")).isTrue();
        assertThat(TextRules.emailAddress(local + "a@example.com")).as("local part over 64").isFalse();
        assertThat(TextRules.emailAddress("a@" + "c".repeat(64) + ".com")).as("label over 63").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "DE", "de", "Fr", "AQ", "GB" })
    void assignedCountryCodesAreAcceptedInEitherCase(String code) {
        assertThat(TextRules.countryCode(code)).as(code).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ZZ", "XX", "UK", "DEU", "D", "", " DE", "D1", "EU" })
    void unassignedOrMalformedCountryCodesAreRefused(String code) {
        assertThat(TextRules.countryCode(code)).as(code).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "nul\u0000", "tab\tx", "line\nbreak", "cr\r", "esc\u001b[31m", "del\u007f", "c1\u0085",
            "sep\u2028", "para\u2029", "half\ud800", "half\udc00x" })
    void controlCharactersAreRefusedOnOneLine(String text) {
        assertThat(TextRules.singleLine(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Maria López", "Zoë 😀 O'Brien-Smith", "東京", "", " spaced " })
    void ordinaryTextIsAcceptedOnOneLine(String text) {
        assertThat(TextRules.singleLine(text)).isTrue();
        assertThat(TextRules.plainText(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "line one\nline two", "windows\r\nlines", "a\ttab" })
    void theMessageTakesLineBreaksAndTabs(String text) {
        assertThat(TextRules.plainText(text)).isTrue();
        assertThat(TextRules.singleLine(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "nul\u0000", "bell\u0007", "esc\u001b", "sep\u2028", "half\ud800" })
    void otherControlCharactersAreRefusedInTheMessage(String text) {
        assertThat(TextRules.plainText(text)).isFalse();
    }

}
