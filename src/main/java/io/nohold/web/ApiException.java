package io.nohold.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/** An answer other than success, as a problem detail ({@link Problems}): the detail and the fields a client has to fix. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;

    private final List<FieldProblem> fields;

    public ApiException(HttpStatus status, String message, List<FieldProblem> fields) {
        super(message);
        this.status = status;
        this.fields = List.copyOf(fields);
    }

    public static ApiException invalid(List<FieldProblem> fields) {
        return new ApiException(HttpStatus.BAD_REQUEST, ApiErrorHandler.INVALID, fields);
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "no " + what + " with id " + id, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldProblem> fields() {
        return fields;
    }

}
