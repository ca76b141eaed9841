package io.nohold.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.nohold.web.Paging;
import io.nohold.web.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers by name, e-mail address or phone number ({@link SearchTerms}), newest first, within the regions a caller
 * may see. On PostgreSQL the trigram indexes of {@code db/vendor/postgresql} serve the word and phone-suffix matches.
 */
@Repository
public class CustomerSearch {

    private final JdbcClient jdbc;

    CustomerSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer found: their region and personal rep with their names (null where they have none). */
    public record Hit(String id, String name, String email, String phone, Tier tier, String regionId, String regionName,
            String personalRepId, String personalRepName) {
    }

    /**
     * The ids of the customers the terms match, as a sub-select with named parameters (each named {@code c_…}), for a
     * search of cases by their customer; empty when the terms cannot match a customer.
     */
    public record Match(String sql, Map<String, Object> params) {
    }

    public Optional<Match> match(SearchTerms terms) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (!terms.words().isEmpty()) {
            List<String> all = new ArrayList<>();
            for (int i = 0; i < terms.words().size(); i++) {
                String name = "c_word" + i;
                params.put(name, SearchTerms.containing(terms.words().get(i)));
                all.add("(name ILIKE :" + name + " ESCAPE '\\' OR email_key LIKE :" + name + " ESCAPE '\\')");
            }
            conditions.add(String.join(" AND ", all));
        }
        if (terms.phoneKey() != null) {
            params.put("c_phone", terms.phoneKey());
            conditions.add("phone_key = :c_phone");
        }
        if (terms.phoneSuffix() != null) {
            params.put("c_phone_suffix", "%" + terms.phoneSuffix());
            conditions.add("phone_key LIKE :c_phone_suffix");
        }
        if (conditions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Match("SELECT id FROM customer WHERE " + String.join(" OR ", conditions.stream()
            .map(c -> "(" + c + ")").toList()), params));
    }

    /**
     * One page of the customers the terms match, newest first; {@code regions} empty: every region, else only
     * customers of these regions (none without a region).
     */
    @Transactional(readOnly = true)
    public ResultPage<Hit> search(SearchTerms terms, Optional<Set<String>> regions, Paging paging) {
        Optional<Match> match = match(terms);
        if (match.isEmpty()) {
            return new ResultPage<>(List.of(), paging.page(), paging.size(), 0);
        }
        String where = " WHERE c.id IN (" + match.get().sql() + ")" + (regions.isPresent() ? " AND c.region_id IN (:regions)" : "");
        Map<String, Object> params = new LinkedHashMap<>(match.get().params());
        regions.ifPresent(r -> params.put("regions", r));
        // the names of region and personal rep are looked up for the page only
        List<Counted> page = jdbc.sql("SELECT p.*, r.name AS region_name, rep.name AS rep_name FROM"
                + " (SELECT c.id, c.name, c.email, c.phone, c.tier, c.region_id, c.personal_rep_id, c.created_at,"
                + " COUNT(*) OVER () AS total FROM customer c" + where
                + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit OFFSET :offset) p"
                + " LEFT JOIN region r ON r.id = p.region_id LEFT JOIN rep ON rep.id = p.personal_rep_id"
                + " ORDER BY p.created_at DESC, p.id DESC")
            .params(params)
            .param("limit", paging.size())
            .param("offset", paging.offset())
            .query((rs, n) -> new Counted(hit(rs), rs.getLong("total")))
            .list();
        long total = !page.isEmpty() ? page.get(0).total()
                : paging.page() == 0 ? 0 : jdbc.sql("SELECT COUNT(*) FROM customer c" + where).params(params).query(Long.class).single();
        return new ResultPage<>(page.stream().map(Counted::hit).toList(), paging.page(), paging.size(), total);
    }

    private record Counted(Hit hit, long total) {
    }

    private static Hit hit(ResultSet rs) throws SQLException {
        return new Hit(rs.getString("id"), rs.getString("name"), rs.getString("email"), rs.getString("phone"),
                Tier.valueOf(rs.getString("tier")), rs.getString("region_id"), rs.getString("region_name"),
                rs.getString("personal_rep_id"), rs.getString("rep_name"));
    }

}
