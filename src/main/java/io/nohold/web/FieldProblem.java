package io.nohold.web;

/** One field of a request that was not accepted: which, and what is accepted instead. */
public record FieldProblem(String field, String message) {
}
