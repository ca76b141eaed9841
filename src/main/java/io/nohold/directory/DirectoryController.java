package io.nohold.directory;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.nohold.security.Groups;
import io.nohold.security.RegionAccess;
import io.nohold.web.ApiException;
import io.nohold.web.FieldProblem;
import io.nohold.web.SingleLine;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory as administrators manage it: regions (name, routing rules), the backup order, a rep's region, and the
 * audit of every change. Adding and removing people is {@link RepController}; calendars and schedules have their own.
 */
@RestController
class DirectoryController {

    private static final String ID = "[a-z0-9]+(-[a-z0-9]+)*";

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final RegionDirectory directory;

    private final DirectoryAdministration administration;

    private final DirectoryAudit audit;

    private final RegionAccess access;

    DirectoryController(RegionDirectory directory, DirectoryAdministration administration, DirectoryAudit audit,
            RegionAccess access) {
        this.directory = directory;
        this.administration = administration;
        this.audit = audit;
        this.access = access;
    }

    record RegionView(String id, String name, DirectoryAdministration.Rules rules, List<Rep> reps) {
    }

    record NewRegion(
            @NotNull(message = "is required") @Pattern(regexp = ID, message = "must be lower-case letters and digits, words joined by '-', e.g. 'central'") @Size(max = 32, message = "must have at most 32 characters") String id,
            @NotBlank(message = "is required") @SingleLine @Size(max = 100, message = "must have at most 100 characters") String name) {
    }

    record RegionName(@NotBlank(message = "is required") @SingleLine @Size(max = 100, message = "must have at most 100 characters") String name) {
    }

    record RuleLists(@NotNull(message = "is required; a list of postal-code prefixes such as \"20\"") List<String> postalCodes,
            @NotNull(message = "is required; a list of phone prefixes such as \"+4940\"") List<String> phonePrefixes,
            @NotNull(message = "is required; a list of ISO country codes such as \"DK\"") List<String> countries) {
    }

    record BackupOrder(@NotNull(message = "is required: the region's reps in their new order") List<String> reps) {
    }

    record RepRegion(@NotBlank(message = "is required") String region) {
    }

    /** Every region with its routing rules and its reps in backup order; administrators and head of service. */
    @GetMapping("/api/regions")
    List<RegionView> regions() {
        access.checkAnyOf(List.of(Groups.ADMIN, Groups.HEAD_OF_SERVICE));
        return directory.regions().stream().map(this::view).toList();
    }

    @PostMapping("/api/regions")
    ResponseEntity<RegionView> create(@RequestBody @Valid NewRegion body) {
        access.checkAnyOf(List.of(Groups.ADMIN));
        Region created = administration.createRegion(body.id(), body.name().strip());
        return ResponseEntity.created(URI.create("/api/regions/" + created.id())).body(view(created));
    }

    @PutMapping("/api/regions/{id}")
    RegionView rename(@PathVariable String id, @RequestBody @Valid RegionName body) {
        access.checkAnyOf(List.of(Groups.ADMIN));
        return view(administration.renameRegion(id, body.name().strip()));
    }

    /** Replaces the region's routing rules: {@code {"postalCodes": ["1"], "phonePrefixes": ["+4940"], "countries": ["DK"]}}. */
    @PutMapping("/api/regions/{id}/rules")
    DirectoryAdministration.Rules rules(@PathVariable String id, @RequestBody @Valid RuleLists body) {
        access.checkAnyOf(List.of(Groups.ADMIN));
        List<FieldProblem> problems = new java.util.ArrayList<>();
        check(body.postalCodes(), "postalCodes", "[0-9A-Za-z]{1,10}", "a postal-code prefix of 1 to 10 letters or digits", problems);
        check(body.phonePrefixes(), "phonePrefixes", "\\+[1-9][0-9]{0,14}", "a phone prefix in E.164 such as +4940", problems);
        for (int i = 0; i < body.countries().size(); i++) {
            String country = body.countries().get(i);
            if (country == null || !COUNTRIES.contains(country)) {
                problems.add(new FieldProblem("countries[" + i + "]", "must be an ISO 3166-1 alpha-2 code in capitals such as DK"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return administration.replaceRules(id, new DirectoryAdministration.Rules(body.postalCodes(), body.phonePrefixes(),
                body.countries()));
    }

    @PutMapping("/api/regions/{id}/backup-order")
    List<Rep> backupOrder(@PathVariable String id, @RequestBody @Valid BackupOrder body) {
        access.checkAnyOf(List.of(Groups.ADMIN));
        return administration.reorderBackups(id, body.reps());
    }

    @PutMapping("/api/reps/{id}/region")
    DirectoryEntry moveRep(@PathVariable String id, @RequestBody @Valid RepRegion body) {
        access.checkAnyOf(List.of(Groups.ADMIN));
        return administration.moveRep(id, body.region());
    }

    /** The newest changes to the directory and customers' placement first: who, when, what. Administrators. */
    @GetMapping("/api/directory/audit")
    List<DirectoryAudit.Entry> audit(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        access.checkAnyOf(List.of(Groups.ADMIN));
        if (limit < 1 || limit > 1000) {
            throw ApiException.invalid(List.of(new FieldProblem("limit", "must be a whole number from 1 to 1000")));
        }
        return audit.latest(limit);
    }

    private RegionView view(Region region) {
        return new RegionView(region.id(), region.name(), administration.rules(region.id()), directory.repsOf(region.id()));
    }

    private static void check(List<String> values, String field, String pattern, String accepted, List<FieldProblem> problems) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || !values.get(i).matches(pattern)) {
                problems.add(new FieldProblem(field + "[" + i + "]", "must be " + accepted));
            }
        }
    }

}
