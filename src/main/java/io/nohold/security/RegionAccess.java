package io.nohold.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.nohold.web.ApiException;
import io.nohold.security.ApiUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may see what through /api: head of service, admins and channels see every region; a rep or supervisor sees
 * the customers and cases of their own region only. The same rule the Tasklist applies to tasks.
 */
@Component
public class RegionAccess {

    /** Fails with 403 unless the caller may see data of this region. */
    public void checkRegion(String regionId) {
        ApiUser user = caller();
        if (seesAllRegions(user)) {
            return;
        }
        if (regionId != null && (user.memberOf(Groups.reps(regionId)) || user.memberOf(Groups.supervisors(regionId)))) {
            return;
        }
        throw forbidden("this belongs to another region");
    }

    /**
     * The regions whose customers and cases the caller may see, for a search: empty when they see every region (head
     * of service, admins, channels); else exactly the regions {@link #checkRegion} lets them see, those of their
     * {@code reps-<region>} and {@code supervisors-<region>} groups. Fails with 403 for a caller who sees no region at
     * all.
     */
    public Optional<Set<String>> visibleRegions() {
        ApiUser user = caller();
        if (seesAllRegions(user)) {
            return Optional.empty();
        }
        Set<String> regions = new TreeSet<>();
        for (String group : user.groups()) {
            if (group.startsWith(Groups.REPS_PREFIX)) {
                regions.add(group.substring(Groups.REPS_PREFIX.length()));
            }
            else if (group.startsWith(Groups.SUPERVISORS_PREFIX)) {
                regions.add(group.substring(Groups.SUPERVISORS_PREFIX.length()));
            }
        }
        if (regions.isEmpty()) {
            throw forbidden("you see the customers and cases of no region");
        }
        return Optional.of(regions);
    }

    /**
     * Fails with 403 unless the caller supervises this region, or is head of service or an administrator (who see all
     * regions). Reps and channels are refused.
     */
    public void checkSupervisorOf(String regionId) {
        ApiUser user = caller();
        if (user.memberOf(Groups.ADMIN) || user.memberOf(Groups.HEAD_OF_SERVICE)
                || regionId != null && user.memberOf(Groups.supervisors(regionId))) {
            return;
        }
        throw forbidden("reserved for the region's supervisors, head of service and administrators");
    }

    /** Fails with 403 unless the caller may change the availability of a rep of this region. */
    public void checkAvailability(String repId, String regionId) {
        ApiUser user = caller();
        if (seesAllRegions(user) && !user.memberOf(Groups.CHANNELS) || user.id().equals(repId)
                || user.memberOf(Groups.supervisors(regionId))) {
            return;
        }
        throw forbidden("only the rep, their supervisors and head of service may change a rep's availability");
    }

    /**
     * Fails with 403 unless the caller may read ({@code change} false) or change a rep's schedule: administrators any
     * rep's, the supervisors of the rep's region those of their reps, a rep reads their own.
     */
    public void checkSchedule(String repId, String regionId, boolean change) {
        ApiUser user = caller();
        if (user.memberOf(Groups.ADMIN) || user.memberOf(Groups.supervisors(regionId)) || !change && user.id().equals(repId)) {
            return;
        }
        throw forbidden(change ? "only administrators and the rep's supervisors may change a rep's schedule"
                : "only the rep, their supervisors and administrators may read a rep's schedule");
    }

    /** Fails with 403 unless the caller is one of the groups named. */
    public void checkAnyOf(List<String> groups) {
        ApiUser user = caller();
        if (groups.stream().anyMatch(user::memberOf)) {
            return;
        }
        throw forbidden("reserved for " + String.join(", ", groups));
    }

    public static boolean seesAllRegions(ApiUser user) {
        return user.memberOf(Groups.ADMIN) || user.memberOf(Groups.HEAD_OF_SERVICE) || user.memberOf(Groups.CHANNELS);
    }

    private static ApiUser caller() {
        return ApiUser.current().orElseThrow(() -> forbidden("no authenticated caller"));
    }

    private static ApiException forbidden(String why) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden: " + why, List.of());
    }

}
