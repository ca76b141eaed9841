package io.nohold.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import io.nohold.directory.RegionRouter.Placement;
import org.junit.jupiter.api.Test;

/** Routing without a database: postal code before phone before country, the longest prefix, else the default. */
class RegionRouterTests {

    static final Map<RuleKind, Map<String, String>> RULES = Map.of(
            RuleKind.POSTAL_CODE, Map.of("2", "north", "20", "hamburg", "8", "south"),
            RuleKind.PHONE, Map.of("+4940", "north", "+39", "south"),
            RuleKind.COUNTRY, Map.of("FR", "west"));

    final RegionRouter router = new RegionRouter(RegionRouterTests::longestPrefix, "north");

    static Optional<String> longestPrefix(RuleKind kind, String value) {
        return RULES.get(kind)
            .entrySet()
            .stream()
            .filter(rule -> value.startsWith(rule.getKey()))
            .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
            .map(Map.Entry::getValue);
    }

    @Test
    void postalCodeWinsOverPhoneAndCountry() {
        assertThat(router.place("80331", "+4940123", "FR")).isEqualTo(new Placement("south", false));
    }

    @Test
    void theLongestMatchingPrefixWins() {
        assertThat(router.place("20095", null, null)).isEqualTo(new Placement("hamburg", false));
        assertThat(router.place("21000", null, null)).isEqualTo(new Placement("north", false));
    }

    @Test
    void phoneThenCountryWhenThePostalCodeMatchesNothing() {
        assertThat(router.place("99999", "+1212555", "FR")).isEqualTo(new Placement("west", false));
        assertThat(router.place(null, "+39061234", "FR")).isEqualTo(new Placement("south", false));
        assertThat(router.place(" ", null, "fr")).isEqualTo(new Placement("west", false));
    }

    @Test
    void nothingMatchingGoesToTheDefaultRegionMarkedUnresolved() {
        assertThat(router.place(null, "+1212555", "US")).isEqualTo(new Placement("north", true));
        assertThat(router.place(null, null, null)).isEqualTo(new Placement("north", true));
    }

}
