package io.nohold.lookup;

import java.util.ArrayList;
import java.util.List;

import io.nohold.customer.SearchTerms;
import io.nohold.web.ApiException;
import io.nohold.web.FieldProblem;
import io.nohold.web.Paging;

/** {@code q}, {@code page} and {@code size} of a search, read together, so that a 400 names every refused one. */
record SearchRequest(SearchTerms terms, Paging paging) {

    static SearchRequest of(String q, String page, String size) {
        List<FieldProblem> problems = new ArrayList<>();
        SearchTerms terms = null;
        Paging paging = null;
        try {
            terms = SearchTerms.parse(q);
        }
        catch (ApiException e) {
            problems.addAll(e.fields());
        }
        try {
            paging = Paging.of(page, size);
        }
        catch (ApiException e) {
            problems.addAll(e.fields());
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new SearchRequest(terms, paging);
    }

}
