package io.nohold.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses /api request bodies over 64 KiB with 413, whether they declare their length or stream it; a contact
 * ({@code POST /api/contacts}) may be larger by its attachments in base64.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    static final long LIMIT_BYTES = 64 * 1024;

    private final long contactLimitBytes;

    RequestSizeLimitFilter(long contactLimitBytes) {
        this.contactLimitBytes = contactLimitBytes;
    }

    private long limitOf(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/api/contacts".equals(request.getRequestURI()) ? contactLimitBytes
                : LIMIT_BYTES;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request);
        if (request.getContentLengthLong() > limit) {
            Problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, ApiErrorHandler.TOO_LARGE,
                    List.of(ApiErrorHandler.tooLargeField(limit)));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;

        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), limit);
            }
            return limited;
        }

    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;

        private final long limit;

        private long read;

        LimitedInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

    }

}
