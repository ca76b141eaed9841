package io.nohold.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.nohold.web.Problems;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits failed authentication per source address, on every door that takes a password or key: /api, the engine's
 * REST API, the webapps' login and the operations endpoints. Each source has a bucket of {@code capacity} failures
 * that refills at {@code refillPerMinute}; a request whose answer is 401 takes one. While the bucket is empty, every
 * request of that source is answered 429 with {@code Retry-After}, before any password is checked, so guessing stops
 * counting towards the engine's login delay of the person attacked. Successful requests cost nothing, so a busy
 * channel is never slowed down by its own traffic.
 * <p>
 * The source is the request's remote address; behind a reverse proxy it is the client address the proxy forwards,
 * trusted only from the proxies configured in {@code server.tomcat.remoteip.internal-proxies} (see
 * docs/security.md). Buckets live in each node's memory: with n nodes behind a balancer a source gets up to n times
 * the budget. Time is the engine clock, so tests move it like every other deadline.
 */
class FailedAuthenticationThrottle extends OncePerRequestFilter {

    /** More sources than this and the ones with full buckets (nothing to remember) are forgotten. */
    private static final int MAX_SOURCES = 100_000;

    private static final TimeMeter ENGINE_CLOCK = new TimeMeter() {

        @Override
        public long currentTimeNanos() {
            return TimeUnit.MILLISECONDS.toNanos(ClockUtil.getCurrentTime().getTime());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }

    };

    private final long capacity;

    private final long refillPerMinute;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    FailedAuthenticationThrottle(long capacity, long refillPerMinute) {
        this.capacity = capacity;
        this.refillPerMinute = refillPerMinute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String source = request.getRemoteAddr();
        Bucket bucket = buckets.get(source);
        if (bucket != null && bucket.getAvailableTokens() <= 0) {
            long waitNanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            response.setHeader("Retry-After", Long.toString(seconds));
            Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                    "too many failed sign-ins from your address; try again in " + seconds + " s");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            failed(source);
        }
    }

    private void failed(String source) {
        if (buckets.size() >= MAX_SOURCES) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
        }
        buckets.computeIfAbsent(source, s -> Bucket.builder()
            .addLimit(limit -> limit.capacity(capacity).refillGreedy(refillPerMinute, Duration.ofMinutes(1)))
            .withCustomTimePrecision(ENGINE_CLOCK)
            .build()).tryConsume(1);
    }

}
