package com.fastlightchat.web;

import com.fastlightchat.kernel.envelope.KernelJson;
import com.fastlightchat.kernel.id.InvalidIdException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every error leaves as an RFC 9457 problem with a stable {@code type} URI. Bad input names the offending field
 * in {@code errors[].field}; a store that cannot be reached is a 503 {@code unavailable} with {@code Retry-After}
 * ({@link Unavailability}); an unexpected failure is a 500 without internals.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    public static final String TYPE_BASE = "https://fastlight.chat/problems/";
    public static final String TOO_MANY_REQUESTS = "too-many-requests";
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(Rejection.class)
    public ResponseEntity<ProblemDetail> rejection(Rejection rejection) {
        return forRejection(rejection);
    }

    public static ResponseEntity<ProblemDetail> forRejection(Rejection rejection) {
        return problem(rejection.kind().status(), rejection.kind().slug(), rejection.getMessage(),
                rejection.field());
    }

    /** 429 with {@code Retry-After} (whole seconds). */
    @ExceptionHandler(TooManyRequests.class)
    public ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequests e) {
        ResponseEntity<ProblemDetail> problem = problem(429, TOO_MANY_REQUESTS, e.getMessage(), null);
        return ResponseEntity.status(429).header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem.getBody());
    }

    @ExceptionHandler(InvalidIdException.class)
    ResponseEntity<ProblemDetail> invalidId(InvalidIdException e) {
        return problem(400, "invalid-input", e.getMessage(), e.field());
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        return forUnexpected(e);
    }

    /**
     * A rejection found in the cause chain; else a 503 with {@code Retry-After} when a store is unreachable (the
     * request changed nothing and may be retried as is); else a 500 that shows no internals (the cause is logged).
     */
    public static ResponseEntity<ProblemDetail> forUnexpected(Exception e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof Rejection rejection) {
                return forRejection(rejection);
            }
        }
        if (Unavailability.causedBy(e)) {
            log.warn("storage unavailable, answered 503: {}", e.toString());
            return unavailable();
        }
        log.error("unexpected failure", e);
        return problem(500, "internal", "the request could not be completed", null);
    }

    /** 503 {@code unavailable} with {@code Retry-After}: nothing was done, the same request may be sent again. */
    public static ResponseEntity<ProblemDetail> unavailable() {
        ResponseEntity<ProblemDetail> problem = problem(503, "unavailable",
                "the service cannot reach its storage right now; nothing was changed, retry the same request later",
                null);
        return ResponseEntity.status(problem.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(Unavailability.RETRY_AFTER_SECONDS))
                .body(problem.getBody());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.isEmpty() ? "invalid request" : errors.getFirst().get("field") + " " + errors.getFirst().get("message"));
        body.setType(URI.create(TYPE_BASE + "invalid-input"));
        body.setTitle("Invalid input");
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof InvalidIdException invalidId) {
            return ResponseEntity.badRequest().body(invalidId(invalidId).getBody());
        }
        String field = cause instanceof JacksonException jackson ? path(jackson) : "";
        if (!field.isEmpty()) {
            return ResponseEntity.badRequest().body(problem(400, "invalid-input",
                    "is not of the expected type or value", field).getBody());
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request body is not valid JSON of the expected shape");
        body.setType(URI.create(TYPE_BASE + "malformed-body"));
        body.setTitle("Malformed body");
        return ResponseEntity.badRequest().body(body);
    }

    /** {@code a.b[0].c}: where in the body a value could not be read, or empty when that is not known. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A problem response of the given status with type {@code TYPE_BASE + slug}, naming {@code field} if any. */
    public static ResponseEntity<ProblemDetail> problem(int status, String slug, String detail, String field) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        body.setType(URI.create(TYPE_BASE + slug));
        body.setTitle(HttpStatus.valueOf(status).getReasonPhrase());
        if (field != null) {
            body.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        }
        return ResponseEntity.status(status).body(body);
    }

    /**
     * Writes a problem straight to the servlet response, for filters that refuse a request before Spring MVC sees it
     * (same JSON as {@link #problem}).
     */
    public static void write(HttpServletResponse response, int status, String slug, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json(status, slug, detail));
    }

    /** The JSON of a problem without field errors. */
    static byte[] json(int status, String slug, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + slug);
        HttpStatus known = HttpStatus.resolve(status);
        problem.put("title", known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        return KernelJson.mapper().writeValueAsBytes(problem);
    }
}
