package io.nohold.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nohold.web.ApiException;
import org.junit.jupiter.api.Test;

/** What a search text is taken for: a case number, a phone number, or words of a name, e-mail address or subject. */
class SearchTermsTests {

    @Test
    void aCaseNumberIsTakenWholeOrByItsStart() {
        assertThat(SearchTerms.parse("1001").caseNumber()).isEqualTo("NH-001001");
        assertThat(SearchTerms.parse("001001").caseNumber()).isEqualTo("NH-001001");
        assertThat(SearchTerms.parse("nh-0010").caseNumberPrefix()).isEqualTo("NH-0010");
        assertThat(SearchTerms.parse("NH-001001").caseNumberPrefix()).isEqualTo("NH-001001");
        assertThat(SearchTerms.parse("NH-0010").words()).as("no words besides").isEmpty();
    }

    @Test
    void aPhoneNumberIsReadAsIntakeReadsIt() {
        assertThat(SearchTerms.parse("+49 40 1234567").phoneKey()).isEqualTo("+49401234567");
        assertThat(SearchTerms.parse("0049 (40) 123-4567").phoneKey()).isEqualTo("+49401234567");
        assertThat(SearchTerms.parse("+49 40 1234567").words()).isEmpty();
    }

    @Test
    void aNationalOrPartialNumberMatchesTheNumbersEndingInItsDigits() {
        SearchTerms national = SearchTerms.parse("040 1234567");
        assertThat(national.phoneKey()).isNull();
        assertThat(national.phoneSuffix()).isEqualTo("401234567");
        assertThat(SearchTerms.parse("1234567").phoneSuffix()).as("and the case NH-1234567").isEqualTo("1234567");
        assertThat(SearchTerms.parse("1234567").caseNumber()).isEqualTo("NH-1234567");
        assertThat(SearchTerms.parse("12345").phoneSuffix()).as("too short for a phone number").isNull();
    }

    @Test
    void anythingElseIsWordsInLowerCaseOfTwoCharactersOrMore() {
        assertThat(SearchTerms.parse("  Maria  LOPEZ ").words()).containsExactly("maria", "lopez");
        assertThat(SearchTerms.parse("Maria L").words()).containsExactly("maria");
        assertThat(SearchTerms.parse("Maria.Lopez@Example.com").words()).containsExactly("maria.lopez@example.com");
        assertThat(SearchTerms.parse("lamp, lamp").words()).containsExactly("lamp");
        assertThat(SearchTerms.parse("order 4711").words()).containsExactly("order", "4711");
    }

    @Test
    void wildcardsAreEscapedForLike() {
        assertThat(SearchTerms.containing("50%_off\\")).isEqualTo("%50\\%\\_off\\\\%");
    }

    @Test
    void tooShortTooLongOrNothingToLookForIsRefusedNamingQ() {
        for (String q : new String[] { null, "", " ", "a", " a ", "a b", "x".repeat(101), "--", "a\tb\u0000",
                "one two three four five six seven" }) {
            assertThatThrownBy(() -> SearchTerms.parse(q)).as("q=%s", q)
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fields()).singleElement()
                    .satisfies(field -> assertThat(field.field()).isEqualTo("q")));
        }
    }

}
