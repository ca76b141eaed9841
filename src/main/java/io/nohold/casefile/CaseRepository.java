package io.nohold.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.nohold.engine.EngineClock;
import io.nohold.engine.TransactionCache;
import io.nohold.sla.SlaHours;
import io.nohold.sla.SlaPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Repository;

@Repository
public class CaseRepository {

    private static final String COLUMNS = """
            case_number, customer_id, state, channel, subject, region_id, region_unresolved, personal_rep_id, handler_id,
            received_at, promised_by, personal_window_ends_at, resolution_due_at, resolved_at, resolved_by, closed_at,
            process_instance_id, sla_personal_window, sla_first_response, sla_resolution, sla_reminder_before,
            sla_approval_window, sla_escalation_window, sla_quiet_period, sla_hours, sla_task_priority, granted_type,
            granted_amount""";

    private final JdbcClient jdbc;

    private final String nextCaseNumberSql;

    private final TransactionCache<String, CaseRecord> read = new TransactionCache<>();

    CaseRepository(JdbcClient jdbc, DataSource dataSource) throws Exception {
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, meta -> meta.getDatabaseProductName());
        this.nextCaseNumberSql = product.toLowerCase().contains("postgres") ? "SELECT nextval('case_number_seq')"
                : "SELECT NEXT VALUE FOR case_number_seq";
    }

    String nextCaseNumber() {
        return caseNumber(jdbc.sql(nextCaseNumberSql).query(Long.class).single());
    }

    /**
     * {@code NH-} and the number with at least six digits: {@code NH-000042}. Put together by hand, as it is once per
     * contact: {@code String.format} parses its pattern on every call (1 % of a simulated day's event loop).
     */
    static String caseNumber(long number) {
        String digits = Long.toString(number);
        return digits.length() >= 6 ? "NH-" + digits : "NH-" + "000000".substring(digits.length()) + digits;
    }

    void insert(String caseNumber, String customerId, String channel, String subject, Instant receivedAt) {
        read.forget(caseNumber);
        jdbc.sql("""
                INSERT INTO support_case (case_number, customer_id, state, channel, subject, region_unresolved, received_at)
                VALUES (?, ?, ?, ?, ?, FALSE, ?)""")
            .param(caseNumber)
            .param(customerId)
            .param(CaseState.OPEN.name())
            .param(channel)
            .param(subject)
            .param(EngineClock.utc(receivedAt))
            .update();
    }

    /** Read once per transaction; every write below forgets the case, so a read after a write sees it. */
    public Optional<CaseRecord> find(String caseNumber) {
        return read.get(caseNumber, number -> jdbc.sql("SELECT " + COLUMNS + " FROM support_case WHERE case_number = ?")
            .param(number)
            .query(CaseRepository::map)
            .optional());
    }

    public CaseRecord get(String caseNumber) {
        return find(caseNumber).orElseThrow(() -> new IllegalStateException("unknown case " + caseNumber));
    }

    /** The customer's open case of this number, if it is the customer's and not closed. */
    public Optional<CaseRecord> findOpenCaseOf(String customerId, String caseNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM support_case WHERE case_number = ? AND customer_id = ? AND state <> 'CLOSED'")
            .param(caseNumber)
            .param(customerId)
            .query(CaseRepository::map)
            .optional();
    }

    /** The customer's most recent case that is not closed. */
    public Optional<CaseRecord> findOpenCaseOf(String customerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM support_case WHERE customer_id = ? AND state <> 'CLOSED'"
                + " ORDER BY received_at DESC, case_number DESC LIMIT 1")
            .param(customerId)
            .query(CaseRepository::map)
            .optional();
    }

    /** The customer's cases that are not closed, newest first. */
    public List<CaseRecord> openCasesOf(String customerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM support_case WHERE customer_id = ? AND state <> 'CLOSED'"
                + " ORDER BY received_at DESC, case_number DESC")
            .param(customerId)
            .query(CaseRepository::map)
            .list();
    }

    public List<CaseRecord> casesOf(String customerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM support_case WHERE customer_id = ? ORDER BY received_at DESC, case_number DESC")
            .param(customerId)
            .query(CaseRepository::map)
            .list();
    }

    void setProcessInstance(String caseNumber, String processInstanceId) {
        read.forget(caseNumber);
        update("UPDATE support_case SET process_instance_id = ? WHERE case_number = ?", processInstanceId, caseNumber);
    }

    void setRegion(String caseNumber, String regionId, boolean unresolved) {
        read.forget(caseNumber);
        jdbc.sql("UPDATE support_case SET region_id = ?, region_unresolved = ? WHERE case_number = ?")
            .param(regionId)
            .param(unresolved)
            .param(caseNumber)
            .update();
    }

    void setPersonalRep(String caseNumber, String repId) {
        read.forget(caseNumber);
        update("UPDATE support_case SET personal_rep_id = ? WHERE case_number = ?", repId, caseNumber);
    }

    void setPromise(String caseNumber, String handlerId, Instant promisedBy,
            Instant personalWindowEndsAt, Instant resolutionDueAt) {
        read.forget(caseNumber);
        jdbc.sql("""
                UPDATE support_case SET state = 'OPEN', handler_id = ?, promised_by = ?, response_due_at = ?,
                  personal_window_ends_at = ?, resolution_due_at = ?, resolved_at = NULL, resolved_by = NULL
                WHERE case_number = ?""")
            .param(handlerId)
            .param(EngineClock.utc(promisedBy))
            .param(EngineClock.utc(promisedBy))
            .param(EngineClock.utc(personalWindowEndsAt))
            .param(EngineClock.utc(resolutionDueAt))
            .param(caseNumber)
            .update();
    }

    /** The row of the SLA policy the case's next promise is made under (V20). */
    void setSlaPolicy(String caseNumber, SlaPolicy policy) {
        read.forget(caseNumber);
        jdbc.sql("""
                UPDATE support_case SET sla_personal_window = ?, sla_first_response = ?, sla_resolution = ?,
                  sla_reminder_before = ?, sla_approval_window = ?, sla_escalation_window = ?, sla_quiet_period = ?,
                  sla_hours = ?, sla_task_priority = ?
                WHERE case_number = ?""")
            .param(policy.personalWindow().toString())
            .param(policy.firstResponse().toString())
            .param(policy.resolution().toString())
            .param(policy.reminderBefore().toString())
            .param(policy.approvalWindow().toString())
            .param(policy.escalationWindow().toString())
            .param(policy.quietPeriod().toString())
            .param(policy.hours().name())
            .param(policy.taskPriority())
            .param(caseNumber)
            .update();
    }

    void setHandler(String caseNumber, String handlerId) {
        read.forget(caseNumber);
        update("UPDATE support_case SET handler_id = ? WHERE case_number = ?", handlerId, caseNumber);
    }

    /** A new first-response promise (after a broken one); the rest of the promise stands. */
    void setPromisedBy(String caseNumber, Instant promisedBy) {
        read.forget(caseNumber);
        jdbc.sql("UPDATE support_case SET promised_by = ?, response_due_at = ? WHERE case_number = ?")
            .param(EngineClock.utc(promisedBy))
            .param(EngineClock.utc(promisedBy))
            .param(caseNumber)
            .update();
    }

    /**
     * Open cases from before {@code response_due_at} (V16) whose process waits at the task {@code reachTaskKey}: their
     * promise is the first answer they wait for. Returns how many were set.
     */
    int setResponseDueOfWaitingCases(String reachTaskKey) {
        return jdbc.sql("""
                UPDATE support_case SET response_due_at = promised_by
                WHERE state = 'OPEN' AND response_due_at IS NULL AND promised_by IS NOT NULL
                  AND process_instance_id IN (SELECT PROC_INST_ID_ FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = ?)""")
            .param(reachTaskKey)
            .update();
    }

    /** A human reached the customer: nobody waits for a first answer any more. */
    void setResponded(String caseNumber) {
        read.forget(caseNumber);
        jdbc.sql("UPDATE support_case SET response_due_at = NULL WHERE case_number = ?").param(caseNumber).update();
    }

    /** What the customer will be told was granted at resolution; null type and amount: nothing (any more). */
    void setGranted(String caseNumber, String type, java.math.BigDecimal amount) {
        read.forget(caseNumber);
        jdbc.sql("UPDATE support_case SET granted_type = ?, granted_amount = ? WHERE case_number = ?")
            .param(type)
            .param(amount)
            .param(caseNumber)
            .update();
    }

    void setResolutionDue(String caseNumber, Instant resolutionDueAt) {
        read.forget(caseNumber);
        jdbc.sql("UPDATE support_case SET resolution_due_at = ? WHERE case_number = ?")
            .param(EngineClock.utc(resolutionDueAt))
            .param(caseNumber)
            .update();
    }

    void setState(String caseNumber, CaseState state) {
        read.forget(caseNumber);
        update("UPDATE support_case SET state = ? WHERE case_number = ?", state.name(), caseNumber);
    }

    void resolve(String caseNumber, Instant at, String by) {
        read.forget(caseNumber);
        jdbc.sql("UPDATE support_case SET state = 'RESOLVED', resolved_at = ?, resolved_by = ? WHERE case_number = ?")
            .param(EngineClock.utc(at))
            .param(by)
            .param(caseNumber)
            .update();
    }

    void close(String caseNumber, Instant at) {
        read.forget(caseNumber);
        jdbc.sql("UPDATE support_case SET state = 'CLOSED', closed_at = ? WHERE case_number = ?")
            .param(EngineClock.utc(at))
            .param(caseNumber)
            .update();
    }

    /**
     * Marks the case erased and drops its subject, once: true for the one caller whose statement changed the row. A
     * second caller at the same moment waits for the first one's row lock and then finds it erased.
     */
    boolean markErased(String caseNumber, Instant at) {
        read.forget(caseNumber);
        return jdbc.sql("UPDATE support_case SET erased_at = ?, subject = NULL WHERE case_number = ? AND erased_at IS NULL")
            .param(EngineClock.utc(at))
            .param(caseNumber)
            .update() == 1;
    }

    /** When the case's personal text was erased; empty while it is kept. */
    Optional<Instant> erasedAt(String caseNumber) {
        return jdbc.sql("SELECT erased_at FROM support_case WHERE case_number = ?")
            .param(caseNumber)
            .query((rs, n) -> Optional.ofNullable(instant(rs, "erased_at")))
            .optional()
            .flatMap(erased -> erased);
    }

    /** Closed cases not erased yet that closed before the cutoff, oldest first. */
    List<String> closedBeforeNotErased(Instant cutoff, int limit) {
        return jdbc.sql("""
                SELECT case_number FROM support_case
                WHERE closed_at < ? AND state = 'CLOSED' AND erased_at IS NULL
                ORDER BY closed_at, case_number LIMIT ?""")
            .param(EngineClock.utc(cutoff))
            .param(limit)
            .query(String.class)
            .list();
    }

    private void update(String sql, String value, String caseNumber) {
        jdbc.sql(sql).param(value).param(caseNumber).update();
    }

    private static CaseRecord map(ResultSet rs, int row) throws SQLException {
        return new CaseRecord(rs.getString("case_number"), rs.getString("customer_id"),
                CaseState.valueOf(rs.getString("state")), rs.getString("channel"), rs.getString("subject"),
                rs.getString("region_id"), rs.getBoolean("region_unresolved"), rs.getString("personal_rep_id"),
                rs.getString("handler_id"), instant(rs, "received_at"), instant(rs, "promised_by"),
                instant(rs, "personal_window_ends_at"), instant(rs, "resolution_due_at"), instant(rs, "resolved_at"),
                rs.getString("resolved_by"), instant(rs, "closed_at"), rs.getString("process_instance_id"), policy(rs),
                granted(rs));
    }

    /** What was granted and not told yet; the reason is the history's, not kept with the case. */
    private static Accommodation granted(ResultSet rs) throws SQLException {
        String type = rs.getString("granted_type");
        return type == null ? null : new Accommodation(type, rs.getBigDecimal("granted_amount"), null);
    }

    /** The row kept with the latest promise; null before one, or for a case from before V20. */
    private static SlaPolicy policy(ResultSet rs) throws SQLException {
        if (rs.getString("sla_first_response") == null) {
            return null;
        }
        return new SlaPolicy(duration(rs, "sla_personal_window"), duration(rs, "sla_first_response"),
                duration(rs, "sla_resolution"), duration(rs, "sla_reminder_before"), duration(rs, "sla_approval_window"),
                duration(rs, "sla_escalation_window"), duration(rs, "sla_quiet_period"),
                SlaHours.valueOf(rs.getString("sla_hours")), rs.getInt("sla_task_priority"));
    }

    private static Duration duration(ResultSet rs, String column) throws SQLException {
        return Duration.parse(rs.getString(column));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

}
