package io.nohold.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * {@link ApiErrorHandler} only hears of failures inside NoHold's controllers. An /api request that no controller takes
 * (an unknown path, a method or a content type none accepts) fails before one is chosen; this gives it the same problem
 * answer. Requests outside /api keep Spring Boot's answers.
 */
@RestControllerAdvice
class UnroutedApiErrorHandler {

    private final ApiErrorHandler api;

    UnroutedApiErrorHandler(ApiErrorHandler api) {
        this.api = api;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) throws Exception {
        onlyForApi(e, request);
        return api.noResource(e);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) throws Exception {
        onlyForApi(e, request);
        return api.mediaType(e);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) throws Exception {
        onlyForApi(e, request);
        return api.method(e);
    }

    /** Rethrowing the exception leaves it to Spring's default handling. */
    private static void onlyForApi(Exception e, HttpServletRequest request) throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            throw e;
        }
    }

}
