package io.nohold.directory;

import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Places a customer in a region: postal-code prefix, else phone prefix, else country. No match gives the
 * configured default region, marked unresolved so that a supervisor can look at it; it is never a failure.
 */
@Service
public class RegionRouter {

    private final RegionDirectory directory;

    private final String defaultRegion;

    RegionRouter(RegionDirectory directory, @Value("${nohold.routing.default-region}") String defaultRegion) {
        this.directory = directory;
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
        return directory.matchRule(kind, value);
    }

    /** Where a customer belongs; {@code unresolved} when no rule matched and the default region was used. */
    public record Placement(String regionId, boolean unresolved) {
    }

}
