package io.nohold.web;

import java.util.List;

/** The body of every error answer of /api: {@code {"error": "...", "fields": [{"field", "message"}]}}. */
public record ApiError(String error, List<FieldProblem> fields) {

    public ApiError(String error) {
        this(error, List.of());
    }

}
