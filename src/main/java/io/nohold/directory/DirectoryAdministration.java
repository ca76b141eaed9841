package io.nohold.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.nohold.security.Groups;
import io.nohold.web.ApiException;
import io.nohold.web.FieldProblem;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators change regions, routing rules, the backup order and a rep's region. Each change writes the directory,
 * brings the Camunda identity in step with it (groups, memberships) and is audited ({@link DirectoryAudit}), all in one
 * transaction, so {@link DirectorySync} at the next start finds nothing to do and the two never disagree.
 */
@Service
public class DirectoryAdministration {

    private final RegionDirectory directory;

    private final JdbcClient jdbc;

    private final IdentityService identity;

    private final TaskService tasks;

    private final DirectoryAudit audit;

    private final ApplicationEventPublisher events;

    DirectoryAdministration(RegionDirectory directory, JdbcClient jdbc, IdentityService identity, TaskService tasks,
            DirectoryAudit audit, ApplicationEventPublisher events) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.identity = identity;
        this.tasks = tasks;
        this.audit = audit;
        this.events = events;
    }

    /** A region's routing rules by kind: postal-code prefixes, phone prefixes (E.164, with +), country codes. */
    public record Rules(List<String> postalCodes, List<String> phonePrefixes, List<String> countries) {
    }

    @Transactional
    public Region createRegion(String id, String name) {
        if (directory.findRegion(id).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "there is already a region '" + id + "'", List.of());
        }
        jdbc.sql("INSERT INTO region (id, name) VALUES (?, ?)").param(id).param(name).update();
        group(Groups.reps(id), name + " reps");
        group(Groups.supervisors(id), name + " supervisors");
        audit.record("REGION_CREATED", "region " + id, "name: " + name);
        events.publishEvent(new RegionCreated(id));
        return directory.region(id);
    }

    @Transactional
    public Region renameRegion(String id, String name) {
        Region before = directory.findRegion(id).orElseThrow(() -> ApiException.notFound("region", id));
        jdbc.sql("UPDATE region SET name = ? WHERE id = ?").param(name).param(id).update();
        renameGroup(Groups.reps(id), name + " reps");
        renameGroup(Groups.supervisors(id), name + " supervisors");
        audit.record("REGION_RENAMED", "region " + id, before.name() + " -> " + name);
        return directory.region(id);
    }

    public Rules rules(String regionId) {
        Map<RuleKind, List<String>> byKind = new LinkedHashMap<>();
        for (RuleKind kind : RuleKind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
        jdbc.sql("SELECT kind, prefix FROM region_rule WHERE region_id = ? ORDER BY kind, prefix")
            .param(regionId)
            .query((rs, n) -> byKind.get(RuleKind.valueOf(rs.getString("kind"))).add(rs.getString("prefix")))
            .list();
        return new Rules(byKind.get(RuleKind.POSTAL_CODE), byKind.get(RuleKind.PHONE), byKind.get(RuleKind.COUNTRY));
    }

    /**
     * Replaces the region's routing rules for contacts from now on. A prefix another region routes already is refused
     * (409, naming it): one prefix, one region. Customers already placed keep their region.
     */
    @Transactional
    public Rules replaceRules(String regionId, Rules rules) {
        directory.findRegion(regionId).orElseThrow(() -> ApiException.notFound("region", regionId));
        List<FieldProblem> taken = new ArrayList<>();
        Map<RuleKind, List<String>> wanted = Map.of(RuleKind.POSTAL_CODE, rules.postalCodes(), RuleKind.PHONE,
                rules.phonePrefixes(), RuleKind.COUNTRY, rules.countries());
        String[] fields = { "postalCodes", "phonePrefixes", "countries" };
        for (int k = 0; k < RuleKind.values().length; k++) {
            RuleKind kind = RuleKind.values()[k];
            List<String> prefixes = wanted.get(kind);
            for (int i = 0; i < prefixes.size(); i++) {
                String owner = jdbc.sql("SELECT region_id FROM region_rule WHERE kind = ? AND prefix = ? AND region_id <> ?")
                    .param(kind.name())
                    .param(prefixes.get(i))
                    .param(regionId)
                    .query(String.class)
                    .optional()
                    .orElse(null);
                if (owner != null) {
                    taken.add(new FieldProblem(fields[k] + "[" + i + "]",
                            "'" + prefixes.get(i) + "' routes to region " + owner + "; take it out there first"));
                }
            }
        }
        if (!taken.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "a routing rule belongs to another region", taken);
        }
        Rules before = rules(regionId);
        jdbc.sql("DELETE FROM region_rule WHERE region_id = ?").param(regionId).update();
        wanted.forEach((kind, prefixes) -> new TreeSet<>(prefixes).forEach(prefix -> directory.saveRule(regionId, kind, prefix)));
        Rules after = rules(regionId);
        audit.record("ROUTING_RULES_CHANGED", "region " + regionId, describe(before) + " -> " + describe(after));
        return after;
    }

    /** The region's reps in a new backup order: exactly its active reps, each once. */
    @Transactional
    public List<Rep> reorderBackups(String regionId, List<String> order) {
        directory.findRegion(regionId).orElseThrow(() -> ApiException.notFound("region", regionId));
        List<String> before = directory.repsOf(regionId).stream().map(Rep::id).toList();
        if (order.size() != before.size() || !Set.copyOf(order).equals(Set.copyOf(before))) {
            throw ApiException.invalid(List.of(new FieldProblem("reps",
                    "must name each rep of the region exactly once: " + String.join(", ", before))));
        }
        for (int i = 0; i < order.size(); i++) {
            jdbc.sql("UPDATE rep SET backup_rank = ? WHERE id = ?").param(i + 1).param(order.get(i)).update();
        }
        audit.record("BACKUP_ORDER_CHANGED", "region " + regionId, String.join(", ", before) + " -> " + String.join(", ", order));
        return directory.repsOf(regionId);
    }

    /**
     * A rep moves to another region: the directory row (last in the new region's backup order) and their Camunda
     * group membership change together. Refused (409) while they hold open tasks: setting them AWAY hands those on.
     * Their customers stay where they are until moved themselves.
     */
    @Transactional
    public DirectoryEntry moveRep(String repId, String regionId) {
        DirectoryEntry entry = directory.findEntry(repId)
            .filter(DirectoryEntry::active)
            .orElseThrow(() -> ApiException.notFound("rep", repId));
        if (directory.findRegion(regionId).isEmpty()) {
            throw ApiException.invalid(List.of(new FieldProblem("region", "must be one of " + String.join(", ",
                    directory.regions().stream().map(Region::id).toList()))));
        }
        if (entry.regionId().equals(regionId)) {
            return entry;
        }
        long open = tasks.createTaskQuery().taskAssignee(repId).count();
        if (open > 0) {
            throw new ApiException(HttpStatus.CONFLICT, "'" + repId + "' holds " + open
                    + " open tasks; set them AWAY first, which hands their contacts on", List.of());
        }
        int rank = entry.role() == Role.REP ? directory.nextBackupRank(regionId) : 0;
        jdbc.sql("UPDATE rep SET region_id = ?, backup_rank = ? WHERE id = ?").param(regionId).param(rank).param(repId).update();
        String from = entry.role().group(entry.regionId());
        String to = entry.role().group(regionId);
        if (identity.createUserQuery().userId(repId).memberOfGroup(from).count() > 0) {
            identity.deleteMembership(repId, from);
        }
        identity.createMembership(repId, to);
        audit.record("REP_MOVED", "rep " + repId, entry.regionId() + " -> " + regionId);
        return directory.findEntry(repId).orElseThrow();
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
        }
    }

    private void renameGroup(String id, String name) {
        Group group = identity.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group(id, name);
            return;
        }
        group.setName(name);
        identity.saveGroup(group);
    }

    private static String describe(Rules rules) {
        return "postal codes " + rules.postalCodes() + ", phone " + rules.phonePrefixes() + ", countries " + rules.countries();
    }

}
