package io.nohold.engineapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The one answer a refused engine call gets, whatever was refused and why: an RFC 9457 problem that names no task,
 * instance, definition, class or variable, so that a refusal tells nothing about what exists.
 */
final class Denial {

    static final String CONTENT_TYPE = "application/problem+json";

    static final String DETAIL = "this engine operation is reserved for administrators or not open to you";

    private static final byte[] FORBIDDEN = body(403, "Forbidden", DETAIL);

    private static final byte[] NOT_FOUND = body(404, "Not Found", "no such engine resource, or not open to you");

    private Denial() {
    }

    /** Writes the refusal; whatever the engine may already have put into the (uncommitted) buffer is dropped. */
    static void write(HttpServletResponse response) throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN);
    }

    /** Writes the generic answer for 403 or 404 (for 404 the engine would name the id and its exception class). */
    static void write(HttpServletResponse response, int status) throws IOException {
        byte[] body = status == HttpServletResponse.SC_NOT_FOUND ? NOT_FOUND : FORBIDDEN;
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    private static byte[] body(int status, String title, String detail) {
        return ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    }

}
