package io.nohold.directory;

import io.nohold.security.Groups;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import io.nohold.security.RegionAccess;
import io.nohold.web.ApiException;
import io.nohold.web.FieldProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reps")
class RepController {

    private final RegionDirectory directory;

    private final RegionAccess access;

    private final RepService reps;

    private final RepAvailability availability;

    /** Camunda's resource-id rule as NoHold configures it (general-resource-whitelist-pattern), lower case. */
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private static final Set<String> FIELDS = Set.of("id", "firstName", "lastName", "email", "region", "role", "password",
            "backupRank");

    RepController(RegionDirectory directory, RegionAccess access, RepService reps, RepAvailability availability) {
        this.directory = directory;
        this.availability = availability;
        this.access = access;
        this.reps = reps;
    }

    /** The directory of a region (of all regions without {@code region}), for administrators and head of service. */
    @GetMapping
    List<DirectoryEntry> list(@RequestParam(required = false) String region,
            @RequestParam(defaultValue = "false") boolean withRemoved) {
        access.checkAnyOf(List.of(Groups.ADMIN, Groups.HEAD_OF_SERVICE));
        if (region != null && directory.findRegion(region).isEmpty()) {
            throw ApiException.invalid(List.of(new FieldProblem("region", "must be one of " + regionIds())));
        }
        return directory.entries(region, withRemoved);
    }

    /** An administrator adds a rep or supervisor: directory row, Camunda user and group membership in one go. */
    @PostMapping
    ResponseEntity<DirectoryEntry> add(@RequestBody Map<String, Object> body) {
        access.checkAnyOf(List.of(Groups.ADMIN));
        DirectoryEntry added = reps.add(newPerson(body));
        return ResponseEntity.created(URI.create("/api/reps/" + added.id())).body(added);
    }

    /** An administrator removes someone: they can no longer sign in, are never chosen again, and their tasks move on. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        access.checkAnyOf(List.of(Groups.ADMIN));
        reps.remove(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}")
    Rep rep(@PathVariable String id) {
        Rep rep = directory.findRep(id).orElseThrow(() -> ApiException.notFound("rep", id));
        access.checkRegion(rep.regionId());
        return rep;
    }

    /** A rep's status, set by the rep, their supervisors, head of service or an administrator ({@link StatusChange}). */
    @PutMapping("/{id}/availability")
    Rep setAvailability(@PathVariable String id, @RequestBody @Valid StatusChange body) {
        Rep rep = directory.findRep(id)
            .filter(found -> directory.findEntry(id).map(DirectoryEntry::active).orElse(false))
            .orElseThrow(() -> ApiException.notFound("rep", id));
        access.checkAvailability(rep.id(), rep.regionId());
        availability.change(id, body.status(), body.returnsAt());
        return directory.findRep(id).orElseThrow();
    }

    private RepService.NewPerson newPerson(Map<String, Object> body) {
        if (body == null) {
            throw ApiException.invalid(List.of(new FieldProblem("body", "must be a JSON object")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        body.keySet().stream().filter(name -> !FIELDS.contains(name)).sorted().forEach(name -> problems.add(
                new FieldProblem(name, "is not a field of a rep; accepted: id, firstName, lastName, email, region, role, password, backupRank")));
        String id = text(body, "id", 64, true, problems);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(new FieldProblem("id", "must be lower-case letters and digits, words joined by '-', e.g. 'maja' or 'maja-2'"));
        }
        String firstName = text(body, "firstName", 100, true, problems);
        String lastName = text(body, "lastName", 100, true, problems);
        String email = text(body, "email", 320, true, problems);
        if (email != null && (!EMAIL.matcher(email).matches() || email.contains(".."))) {
            problems.add(new FieldProblem("email", "must be an e-mail address such as maja@example.com"));
        }
        String region = text(body, "region", 32, true, problems);
        if (region != null && directory.findRegion(region).isEmpty()) {
            problems.add(new FieldProblem("region", "must be one of " + regionIds()));
        }
        String roleText = text(body, "role", 16, true, problems);
        Role role = null;
        if (roleText != null) {
            try {
                role = Role.valueOf(roleText);
            }
            catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("role", "must be one of REP, SUPERVISOR"));
            }
        }
        String password = body.get("password") == null ? null : text(body, "password", 200, false, problems);
        if (password != null && password.length() < 8) {
            problems.add(new FieldProblem("password", "must have at least 8 characters"));
        }
        Integer backupRank = null;
        Object rank = body.get("backupRank");
        if (rank != null) {
            if (!(rank instanceof Integer number) || number < 1 || number > 1000) {
                problems.add(new FieldProblem("backupRank", "must be a whole number from 1 to 1000"));
            }
            else if (role == Role.SUPERVISOR) {
                problems.add(new FieldProblem("backupRank", "is for reps only; supervisors are not on the rings"));
            }
            else {
                backupRank = number;
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new RepService.NewPerson(id, firstName, lastName, email, region, role, password, backupRank);
    }

    /** A text field: a JSON string, not blank, at most {@code max} characters, no control characters. */
    private static String text(Map<String, Object> body, String field, int max, boolean trim, List<FieldProblem> problems) {
        Object value = body.get(field);
        if (value == null) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        if (!(value instanceof String text)) {
            problems.add(new FieldProblem(field, "must be a JSON string"));
            return null;
        }
        String result = trim ? text.trim() : text;
        if (result.isBlank()) {
            problems.add(new FieldProblem(field, "must not be blank"));
            return null;
        }
        if (result.length() > max) {
            problems.add(new FieldProblem(field, "must have at most " + max + " characters"));
            return null;
        }
        if (result.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem(field, "must not contain control characters"));
            return null;
        }
        return result;
    }

    private String regionIds() {
        return String.join(", ", directory.regions().stream().map(Region::id).toList());
    }


}
