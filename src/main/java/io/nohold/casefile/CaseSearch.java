package io.nohold.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.nohold.customer.CustomerSearch;
import io.nohold.customer.SearchTerms;
import io.nohold.web.Paging;
import io.nohold.web.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases by case number, by their subject's words, or by their customer's name, e-mail address or phone number
 * ({@link SearchTerms}), newest first, within the regions a caller may see. Each kind of match is its own select, so
 * that each can use its index (on PostgreSQL the trigram indexes of {@code db/vendor/postgresql}); their union is
 * then sorted and cut into pages.
 */
@Repository
public class CaseSearch {

    private final JdbcClient jdbc;

    private final CustomerSearch customers;

    CaseSearch(JdbcClient jdbc, CustomerSearch customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    /** A case found, with the names of its customer, region and handler (null where it has none). */
    public record Hit(String caseNumber, String customerId, String customerName, String regionId, String regionName,
            CaseState state, String handlerId, String handlerName, String channel, String subject, Instant receivedAt,
            Instant promisedBy) {
    }

    /**
     * One page of the cases the terms match, newest first; {@code regions} empty: every region, else only cases of
     * these regions (none whose region is unresolved).
     */
    @Transactional(readOnly = true)
    public ResultPage<Hit> search(SearchTerms terms, Optional<Set<String>> regions, Paging paging) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (terms.caseNumber() != null) {
            conditions.add("case_number = :case_number");
            params.put("case_number", terms.caseNumber());
        }
        if (terms.caseNumberPrefix() != null) {
            conditions.add("case_number LIKE :case_number_prefix");
            params.put("case_number_prefix", terms.caseNumberPrefix() + "%");
        }
        if (!terms.words().isEmpty()) {
            List<String> all = new ArrayList<>();
            for (int i = 0; i < terms.words().size(); i++) {
                params.put("s_word" + i, SearchTerms.containing(terms.words().get(i)));
                all.add("subject ILIKE :s_word" + i + " ESCAPE '\\'");
            }
            conditions.add(String.join(" AND ", all));
        }
        customers.match(terms).ifPresent(match -> {
            conditions.add("customer_id IN (" + match.sql() + ")");
            params.putAll(match.params());
        });
        if (conditions.isEmpty()) {
            return new ResultPage<>(List.of(), paging.page(), paging.size(), 0);
        }
        // each kind of match selects the rows it finds, by its own index; the names are looked up for the page only
        String hits = " FROM (" + String.join(" UNION ", conditions.stream().map(c -> "SELECT " + COLUMNS + " FROM support_case WHERE " + c).toList())
                + ") s" + (regions.isPresent() ? " WHERE s.region_id IN (:regions)" : "");
        regions.ifPresent(r -> params.put("regions", r));
        List<Counted> page = jdbc.sql("SELECT p.*, c.name AS customer_name, r.name AS region_name, h.name AS handler_name"
                + " FROM (SELECT s.*, COUNT(*) OVER () AS total" + hits
                + " ORDER BY s.received_at DESC, s.case_number DESC LIMIT :limit OFFSET :offset) p"
                + " LEFT JOIN customer c ON c.id = p.customer_id LEFT JOIN region r ON r.id = p.region_id"
                + " LEFT JOIN rep h ON h.id = p.handler_id ORDER BY p.received_at DESC, p.case_number DESC")
            .params(params)
            .param("limit", paging.size())
            .param("offset", paging.offset())
            .query((rs, n) -> new Counted(hit(rs), rs.getLong("total")))
            .list();
        long total = !page.isEmpty() ? page.get(0).total()
                : paging.page() == 0 ? 0 : jdbc.sql("SELECT COUNT(*)" + hits).params(params).query(Long.class).single();
        return new ResultPage<>(page.stream().map(Counted::hit).toList(), paging.page(), paging.size(), total);
    }

    private static final String COLUMNS = "case_number, customer_id, region_id, state, handler_id, channel, subject, received_at, promised_by";

    private record Counted(Hit hit, long total) {
    }

    /** How many open cases each of these customers has; a customer without one is left out. */
    @Transactional(readOnly = true)
    public Map<String, Long> openCaseCounts(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT customer_id, COUNT(*) FROM support_case WHERE customer_id IN (:ids) AND state <> :closed GROUP BY customer_id")
            .param("ids", customerIds)
            .param("closed", CaseState.CLOSED.name())
            .query((ResultSet rs) -> {
                counts.put(rs.getString(1), rs.getLong(2));
            });
        return counts;
    }

    private static Hit hit(ResultSet rs) throws SQLException {
        return new Hit(rs.getString("case_number"), rs.getString("customer_id"), rs.getString("customer_name"),
                rs.getString("region_id"), rs.getString("region_name"), CaseState.valueOf(rs.getString("state")),
                rs.getString("handler_id"), rs.getString("handler_name"), rs.getString("channel"), rs.getString("subject"),
                instant(rs, "received_at"), instant(rs, "promised_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

}
