package io.nohold.web;

import java.io.IOException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every error answer of /api is an RFC 9457 problem detail ({@code application/problem+json}):
 * {@code {"type": "about:blank", "title", "status", "detail", "instance", "fields": [{"field", "message"}]}}. Controllers
 * throw {@link ApiException}; filters, which run before Spring MVC, write the same shape with {@link #write}. The
 * detail and the field messages say what to send instead; they never carry exception messages or class names.
 */
public final class Problems {

    /** The property of a problem detail that lists the refused fields, empty when the problem is not about a field. */
    public static final String FIELDS = "fields";

    /** Serializes {@link ProblemDetail} as Spring MVC does (the builder registers Spring's mix-in for it). */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String detail, List<FieldProblem> fields, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(instance(path));
        problem.setProperty(FIELDS, fields.stream().sorted(Comparator.comparing(FieldProblem::field)).toList());
        return problem;
    }

    /** The answer of a controller or exception handler; the instance is the path of the request being handled. */
    public static ResponseEntity<ProblemDetail> answer(HttpStatus status, String detail, List<FieldProblem> fields) {
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(of(status, detail, fields, currentPath()));
    }

    public static ResponseEntity<ProblemDetail> answer(HttpStatus status, String detail) {
        return answer(status, detail, List.of());
    }

    /** For filters: writes the problem as the whole answer. Headers set before (such as WWW-Authenticate) stay. */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
            List<FieldProblem> fields) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), of(status, detail, fields, path(request)));
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        write(request, response, status, detail, List.of());
    }

    private static String currentPath() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? path(attributes.getRequest()) : null;
    }

    private static String path(HttpServletRequest request) {
        return request == null ? null : request.getRequestURI();
    }

    /** The request's path as the problem's instance; a path that is no valid URI reference is left out. */
    private static URI instance(String path) {
        if (path == null) {
            return null;
        }
        try {
            return URI.create(path);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

}
