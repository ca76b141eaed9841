package io.nohold.directory;

import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Places a customer in a region: postal-code prefix, else phone prefix, else country. No match gives the
 * configured default region, marked unresolved so that a supervisor can look at it; it is never a failure.
 */
@Service
public class RegionRouter {

    /** The region whose rule of a kind has the longest prefix of a value. */
    interface Rules {

        Optional<String> match(RuleKind kind, String value);

    }

    private final Rules rules;

    private final String defaultRegion;

    @Autowired
    RegionRouter(RegionDirectory directory, @Value("${nohold.routing.default-region}") String defaultRegion) {
        this(directory::matchRule, defaultRegion);
    }

    RegionRouter(Rules rules, String defaultRegion) {
        this.rules = rules;
        this.defaultRegion = defaultRegion;
    }

    public Placement place(String postalCode, String normalizedPhone, String country) {
        return match(RuleKind.POSTAL_CODE, postalCode == null ? null : postalCode.replace(" ", "").toUpperCase(Locale.ROOT))
            .or(() -> match(RuleKind.PHONE, normalizedPhone))
            .or(() -> match(RuleKind.COUNTRY, country == null ? null : country.toUpperCase(Locale.ROOT)))
            .map(regionId -> new Placement(regionId, false))
            .orElseGet(() -> new Placement(defaultRegion, true));
    }

    private Optional<String> match(RuleKind kind, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return rules.match(kind, value);
    }

    /** Where a customer belongs; {@code unresolved} when no rule matched and the default region was used. */
    public record Placement(String regionId, boolean unresolved) {
    }

}
