package io.nohold.web;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of /api into a JSON answer that says what to fix. Never a stack trace. */
@RestControllerAdvice(basePackages = "io.nohold")
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return answer(e.status(), new ApiError(e.getMessage(), e.fields()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (causedByTooLarge(e)) {
            return tooLarge();
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath()
                .stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
            String expected = mismatch.getTargetType() == null ? "another type" : describe(mismatch.getTargetType());
            return answer(HttpStatus.BAD_REQUEST,
                    new ApiError("invalid request", List.of(new FieldProblem(field, "must be " + expected))));
        }
        return answer(HttpStatus.BAD_REQUEST, new ApiError("malformed JSON: the body must be one JSON object",
                List.of(new FieldProblem("body", "is not valid JSON"))));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, new ApiError("unsupported content type; send application/json",
                List.of(new FieldProblem("Content-Type", "must be application/json"))));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return answer(HttpStatus.NOT_ACCEPTABLE, new ApiError("this API answers application/json only"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, new ApiError("method " + e.getMethod() + " is not allowed here; use "
                + String.join(", ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods())));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return answer(HttpStatus.NOT_FOUND, new ApiError("no such resource: /" + e.getResourcePath()));
    }

    @ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
    ResponseEntity<ApiError> parameter(Exception e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return answer(HttpStatus.BAD_REQUEST,
                new ApiError("invalid request", List.of(new FieldProblem(name, "is missing or not valid"))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (causedByTooLarge(e)) {
            return tooLarge();
        }
        log.error("unexpected failure answering an API request", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR,
                new ApiError("internal error; nothing you sent was lost, and the failure is logged"));
    }

    static ResponseEntity<ApiError> tooLarge() {
        return answer(HttpStatus.PAYLOAD_TOO_LARGE, new ApiError("request body too large",
                List.of(new FieldProblem("body", "must be at most " + RequestSizeLimitFilter.LIMIT_BYTES + " bytes"))));
    }

    private static ResponseEntity<ApiError> answer(HttpStatus status, ApiError body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static boolean causedByTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException) {
                return true;
            }
            if (t instanceof JsonMappingException && t.getCause() == t) {
                return false;
            }
        }
        return false;
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "a JSON object";
    }

}
