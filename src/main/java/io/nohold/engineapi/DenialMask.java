package io.nohold.engineapi;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Lets an answer of the engine through unless it is a 403 or 404: the engine's own refusals name the resource and its
 * id ("... 'READ' permission on resource 'abc' of type 'Task' ..."), its 404s the exception class and the id. The
 * engine sets the status before it writes the body, so once it says 403 or 404 the body goes nowhere and
 * {@link #finish()} writes the generic {@link Denial} instead.
 */
final class DenialMask extends HttpServletResponseWrapper {

    /** The status whose body is replaced, once the engine has set it; 0 while the answer passes. */
    private int masked;

    private boolean denied;

    DenialMask(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void setStatus(int status) {
        super.setStatus(status);
        denied = status == SC_FORBIDDEN || status == SC_NOT_FOUND;
        masked = denied ? status : 0;
    }

    @Override
    public void sendError(int status) throws IOException {
        sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        if (status == SC_FORBIDDEN || status == SC_NOT_FOUND) {
            setStatus(status);
        }
        else {
            super.sendError(status, message);
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        return denied ? NOWHERE : super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        return denied ? new PrintWriter(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8) : super.getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!denied) {
            super.flushBuffer();
        }
    }

    @Override
    public void setContentLength(int length) {
        if (!denied) {
            super.setContentLength(length);
        }
    }

    @Override
    public void setContentLengthLong(long length) {
        if (!denied) {
            super.setContentLengthLong(length);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!denied || !"Content-Length".equalsIgnoreCase(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!denied || !"Content-Length".equalsIgnoreCase(name)) {
            super.addHeader(name, value);
        }
    }

    /** After the engine answered: a 403 or 404 becomes the generic answer. */
    void finish() throws IOException {
        if (denied && !getResponse().isCommitted()) {
            Denial.write((HttpServletResponse) getResponse(), masked);
        }
    }

    private static final ServletOutputStream NOWHERE = new ServletOutputStream() {

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
        }

    };

}
