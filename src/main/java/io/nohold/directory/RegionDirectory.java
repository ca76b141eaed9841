package io.nohold.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Regions, their routing rules and their reps. */
@Repository
public class RegionDirectory {

    private final JdbcClient jdbc;

    RegionDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Region> findRegion(String id) {
        return jdbc.sql("SELECT id, name FROM region WHERE id = ?")
            .param(id)
            .query((rs, n) -> new Region(rs.getString("id"), rs.getString("name")))
            .optional();
    }

    public Region region(String id) {
        return findRegion(id).orElseThrow(() -> new IllegalStateException("unknown region " + id));
    }

    public List<Region> regions() {
        return jdbc.sql("SELECT id, name FROM region ORDER BY id")
            .query((rs, n) -> new Region(rs.getString("id"), rs.getString("name")))
            .list();
    }

    public Optional<Rep> findRep(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, name, region_id, backup_rank, status, away_until FROM rep WHERE id = ?")
            .param(id)
            .query(RegionDirectory::rep)
            .optional();
    }

    /** The reps of a region in its backup order; neither supervisors nor anyone who left. */
    public List<Rep> repsOf(String regionId) {
        return jdbc.sql("""
                SELECT id, name, region_id, backup_rank, status, away_until FROM rep
                WHERE region_id = ? AND role = 'REP' AND removed_at IS NULL
                ORDER BY backup_rank, id""")
            .param(regionId)
            .query(RegionDirectory::rep)
            .list();
    }

    /** The region whose rule of this kind has the longest prefix of {@code value}. */
    public Optional<String> matchRule(RuleKind kind, String value) {
        return jdbc.sql("""
                SELECT region_id FROM region_rule
                WHERE kind = ? AND ? LIKE prefix || '%'
                ORDER BY LENGTH(prefix) DESC, id
                LIMIT 1""")
            .param(kind.name())
            .param(value)
            .query(String.class)
            .optional();
    }

    /** Anyone of the directory, also someone who left. */
    public Optional<DirectoryEntry> findEntry(String id) {
        return jdbc.sql("SELECT id, name, email, region_id, role, backup_rank, status, away_until, removed_at FROM rep WHERE id = ?")
            .param(id)
            .query(RegionDirectory::entry)
            .optional();
    }

    /** The people of a region (every region for {@code null}), reps in backup order first; with those who left if asked. */
    public List<DirectoryEntry> entries(String regionId, boolean withRemoved) {
        return jdbc.sql("""
                SELECT id, name, email, region_id, role, backup_rank, status, away_until, removed_at FROM rep
                WHERE (CAST(:region AS VARCHAR(32)) IS NULL OR region_id = :region) AND (:all OR removed_at IS NULL)
                ORDER BY region_id, role, backup_rank, id""")
            .param("region", regionId)
            .param("all", withRemoved)
            .query(RegionDirectory::entry)
            .list();
    }

    /** The supervisors of a region NoHold knows of, without those who left. */
    public List<DirectoryEntry> supervisorsOf(String regionId) {
        return entries(regionId, false).stream().filter(entry -> entry.role() == Role.SUPERVISOR).toList();
    }

    /** The next place at the end of the region's backup order. */
    public int nextBackupRank(String regionId) {
        return jdbc.sql("SELECT COALESCE(MAX(backup_rank), 0) + 1 FROM rep WHERE region_id = ? AND role = 'REP'")
            .param(regionId)
            .query(Integer.class)
            .single();
    }

    void insert(DirectoryEntry entry) {
        jdbc.sql("""
                INSERT INTO rep (id, name, email, region_id, role, backup_rank, status) VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .param(entry.id())
            .param(entry.name())
            .param(entry.email())
            .param(entry.regionId())
            .param(entry.role().name())
            .param(entry.backupRank())
            .param(entry.status().name())
            .update();
    }

    /** Marks someone as gone; true if they were there. Their row stays. */
    boolean markRemoved(String id, java.time.Instant at) {
        return jdbc.sql("UPDATE rep SET removed_at = ?, status = 'OFF' WHERE id = ? AND removed_at IS NULL")
            .param(io.nohold.engine.EngineClock.utc(at))
            .param(id)
            .update() == 1;
    }

    public boolean setStatus(String repId, RepStatus status) {
        return setStatus(repId, status, null);
    }

    /**
     * Sets a rep's status; {@code awayUntil} only with {@link RepStatus#AWAY}: from that moment on they read as
     * AVAILABLE again ({@link #statusOf}).
     */
    public boolean setStatus(String repId, RepStatus status, java.time.Instant awayUntil) {
        return jdbc.sql("UPDATE rep SET status = ?, away_until = ? WHERE id = ?")
            .param(status.name())
            .param(status == RepStatus.AWAY && awayUntil != null ? io.nohold.engine.EngineClock.utc(awayUntil) : null)
            .param(repId)
            .update() == 1;
    }

    /** Until when the rep is away: empty when they are not away, or away without a time to return. */
    public Optional<java.time.Instant> awayUntil(String repId) {
        return jdbc.sql("SELECT away_until FROM rep WHERE id = ? AND status = 'AWAY' AND away_until IS NOT NULL")
            .param(repId)
            .query((rs, n) -> rs.getObject("away_until", java.time.OffsetDateTime.class).toInstant())
            .optional()
            .filter(until -> until.isAfter(io.nohold.engine.EngineClock.now()));
    }

    /** The status as it stands now: a rep who was AWAY until a moment that has come is AVAILABLE again. */
    private static RepStatus statusOf(java.sql.ResultSet rs) throws java.sql.SQLException {
        RepStatus stored = RepStatus.valueOf(rs.getString("status"));
        java.time.OffsetDateTime until = rs.getObject("away_until", java.time.OffsetDateTime.class);
        return stored == RepStatus.AWAY && until != null && !until.toInstant().isAfter(io.nohold.engine.EngineClock.now())
                ? RepStatus.AVAILABLE : stored;
    }

    public void saveRegion(Region region) {
        if (findRegion(region.id()).isEmpty()) {
            jdbc.sql("INSERT INTO region (id, name) VALUES (?, ?)").param(region.id()).param(region.name()).update();
        }
    }

    public void saveRule(String regionId, RuleKind kind, String prefix) {
        int known = jdbc.sql("SELECT COUNT(*) FROM region_rule WHERE kind = ? AND prefix = ?")
            .param(kind.name())
            .param(prefix)
            .query(Integer.class)
            .single();
        if (known == 0) {
            jdbc.sql("INSERT INTO region_rule (region_id, kind, prefix) VALUES (?, ?, ?)")
                .param(regionId)
                .param(kind.name())
                .param(prefix)
                .update();
        }
    }

    public void saveRep(Rep rep) {
        if (findRep(rep.id()).isEmpty()) {
            jdbc.sql("INSERT INTO rep (id, name, region_id, backup_rank, status) VALUES (?, ?, ?, ?, ?)")
                .param(rep.id())
                .param(rep.name())
                .param(rep.regionId())
                .param(rep.backupRank())
                .param(rep.status().name())
                .update();
        }
    }

    private static DirectoryEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        java.time.OffsetDateTime removed = rs.getObject("removed_at", java.time.OffsetDateTime.class);
        return new DirectoryEntry(rs.getString("id"), rs.getString("name"), rs.getString("email"), rs.getString("region_id"),
                Role.valueOf(rs.getString("role")), rs.getInt("backup_rank"), statusOf(rs),
                removed == null ? null : removed.toInstant());
    }

    private static Rep rep(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Rep(rs.getString("id"), rs.getString("name"), rs.getString("region_id"), rs.getInt("backup_rank"),
                statusOf(rs));
    }

}
