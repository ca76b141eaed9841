package io.nohold.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of /api into a problem detail ({@link Problems}) that says what to fix: one {@code fields} entry
 * per refused field. Never a stack trace, an exception message or a class name.
 */
@RestControllerAdvice(basePackages = "io.nohold")
class ApiErrorHandler {

    static final String INVALID = "the request has fields that are not accepted; see fields";

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return Problems.answer(e.status(), e.getMessage(), e.fields());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (tooLargeLimit(e) > 0) {
            return tooLarge(tooLargeLimit(e));
        }
        Throwable cause = e.getCause();
        StreamReadException duplicate = duplicateKey(cause);
        if (duplicate != null) {
            JsonParser parser = duplicate.getProcessor();
            String field = parser == null ? null : path(parser.getParsingContext());
            return invalid(new FieldProblem(field == null || field.isEmpty() ? "body" : field,
                    "appears more than once; send every field once"));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String accepted = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds()
                .stream()
                .map(String::valueOf)
                .sorted()
                .collect(Collectors.joining(", "));
            return invalid(new FieldProblem(path(unknown), "is not a field of this request; accepted: " + accepted));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String expected = mismatch.getTargetType() == null ? "another type" : describe(mismatch.getTargetType());
            return invalid(new FieldProblem(path(mismatch), "must be " + expected));
        }
        if (cause instanceof MismatchedInputException) {
            // no path: the body itself is not one object (an array, a number, or something after the object)
            return invalid(new FieldProblem("body", "must be exactly one JSON object, with nothing after it"));
        }
        if (cause == null) {
            return invalid(new FieldProblem("body", "is required: one JSON object"));
        }
        return invalid(new FieldProblem("body", "is not valid JSON: send exactly one JSON object"));
    }

    /** {@code @Valid} on a request body: one entry per violated constraint. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> notValid(MethodArgumentNotValidException e) {
        return invalid(problems(e.getBindingResult(), null));
    }

    /** Constraints on a controller method's parameters (and on its body, when both are present). */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> methodNotValid(HandlerMethodValidationException e) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors errors) {
                problems.addAll(problems(errors, null));
                return;
            }
            RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
            String name = param != null && !param.name().isEmpty() ? param.name()
                    : result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> problems.add(new FieldProblem(name, message(error))));
        });
        return invalid(problems);
    }

    /** Method validation of a {@code @Validated} bean, should a controller use one. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> violated(ConstraintViolationException e) {
        return invalid(e.getConstraintViolations().stream().map(ApiErrorHandler::problem).toList());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported content type; send application/json",
                List.of(new FieldProblem("Content-Type", "must be application/json")));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return Problems.answer(HttpStatus.NOT_ACCEPTABLE, "this API answers application/json only");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return Problems.answer(HttpStatus.METHOD_NOT_ALLOWED, "method " + e.getMethod() + " is not allowed here; use "
                + String.join(", ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return Problems.answer(HttpStatus.NOT_FOUND, "no such resource: /" + e.getResourcePath());
    }

    @ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
    ResponseEntity<ProblemDetail> parameter(Exception e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return invalid(new FieldProblem(name, "is missing or not valid"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (tooLargeLimit(e) > 0) {
            return tooLarge(tooLargeLimit(e));
        }
        log.error("unexpected failure answering an API request", e);
        return Problems.answer(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal error; nothing you sent was lost, and the failure is logged");
    }

    static ResponseEntity<ProblemDetail> tooLarge(long limit) {
        return Problems.answer(HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE, List.of(tooLargeField(limit)));
    }

    static FieldProblem tooLargeField(long limit) {
        return new FieldProblem("body", "must be at most " + limit + " bytes");
    }

    static final String TOO_LARGE = "request body too large";


    private static ResponseEntity<ProblemDetail> invalid(FieldProblem problem) {
        return invalid(List.of(problem));
    }

    private static ResponseEntity<ProblemDetail> invalid(List<FieldProblem> problems) {
        return Problems.answer(HttpStatus.BAD_REQUEST, INVALID, problems);
    }

    /** Field errors by their path ({@code customer.email}); a constraint on the whole body is about {@code body}. */
    private static List<FieldProblem> problems(Errors result, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ObjectError error : result.getAllErrors()) {
            String field = error instanceof FieldError fieldError ? fieldError.getField() : "body";
            problems.add(new FieldProblem(prefix == null ? field : prefix + "." + field, message(error)));
        }
        return problems;
    }

    private static FieldProblem problem(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getName() != null && !node.getName().isEmpty()) {
                names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
            }
        }
        return new FieldProblem(names.isEmpty() ? "body" : String.join(".", names), violation.getMessage());
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
    }

    /** Jackson's parser refusing a key sent twice; inside a nested object it arrives wrapped in a mapping failure. */
    private static StreamReadException duplicateKey(Throwable cause) {
        for (Throwable t = cause; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof StreamReadException read && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith("Duplicate field")) {
                return read;
            }
        }
        return null;
    }

    /** The JSON path of a field Jackson could not read: {@code customer.email}, {@code items[2]}. */
    private static String path(JsonMappingException e) {
        return e.getPath()
            .stream()
            .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    }

    /** The path of the field the parser stands on, from the outermost object inwards. */
    private static String path(JsonStreamContext context) {
        List<String> names = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                names.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
            else if (c.getCurrentName() != null) {
                names.add(0, c.getCurrentName());
            }
        }
        return String.join(".", names).replace(".[", "[");
    }

    /** The body limit that the request went past, or 0 when it did not. */
    private static long tooLargeLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return tooLarge.limit();
            }
            if (t instanceof JsonMappingException && t.getCause() == t) {
                return 0;
            }
        }
        return 0;
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        return "a JSON object";
    }

}
