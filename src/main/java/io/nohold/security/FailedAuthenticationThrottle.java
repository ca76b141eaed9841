package io.nohold.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
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
 * counting towards the engine's login delay of the person attacked. A request takes its token before it runs and gets
 * it back unless it is answered 401, so guesses sent in parallel get no more than the bucket holds; credentials that
 * passed within the last minute take no token at all, so a busy channel is never slowed down by its own traffic, even
 * while someone at the same address guesses.
 * <p>
 * The source is the request's remote address (for IPv6 its /64 network); behind a reverse proxy it is the client address the proxy forwards,
 * trusted only from the proxies configured in {@code server.tomcat.remoteip.internal-proxies} (see
 * docs/security.md). Buckets live in each node's memory: with n nodes behind a balancer a source gets up to n times
 * the budget. Time is the engine clock, so tests move it like every other deadline.
 */
class FailedAuthenticationThrottle extends OncePerRequestFilter {

    /** More sources than this and the ones with full buckets (nothing to remember) are forgotten. */
    private static final int MAX_SOURCES = 100_000;

    /**
     * The engine clock, counted forward only: a step forward refills buckets as the time would, a step back (an
     * administrator or a test setting the clock back) is not counted, so the buckets never wait for the clock to
     * catch up with a moment they saw before.
     */
    private static final TimeMeter ENGINE_CLOCK = new TimeMeter() {

        private long lastSeen = ClockUtil.getCurrentTime().getTime();

        private long counted;

        @Override
        public synchronized long currentTimeNanos() {
            long now = ClockUtil.getCurrentTime().getTime();
            if (now > lastSeen) {
                counted += now - lastSeen;
            }
            lastSeen = now;
            return TimeUnit.MILLISECONDS.toNanos(counted);
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

    };

    private final long capacity;

    private final long refillPerMinute;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Digests of Authorization headers that passed within {@link #GOOD_FOR}: they take no token. */
    private final Map<String, Long> good = new ConcurrentHashMap<>();

    private static final Duration GOOD_FOR = Duration.ofMinutes(1);

    private volatile long lastCleanup;

    FailedAuthenticationThrottle(long capacity, long refillPerMinute) {
        this.capacity = capacity;
        this.refillPerMinute = refillPerMinute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String source = source(request.getRemoteAddr());
        String header = request.getHeader("Authorization");
        String credential = header == null ? null : ChannelKeys.sha256(header);
        boolean known = credential != null && recentlyGood(credential);
        Bucket bucket = known ? null : bucket(source);
        // a request whose credentials are not known to be good takes its token before it runs, so a thousand guesses
        // sent at the same moment get no more than the bucket holds; a busy channel with a good key takes none
        if (bucket != null) {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
                response.setHeader("Retry-After", Long.toString(seconds));
                Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                        "too many failed sign-ins from your address; try again in " + seconds + " s");
                return;
            }
        }
        chain.doFilter(request, response);
        boolean failed = response.getStatus() == HttpStatus.UNAUTHORIZED.value();
        if (failed && known) {
            // a key or password that was good a minute ago (revoked, changed): counts like any other failure
            good.remove(credential);
            bucket(source).tryConsume(1);
        }
        else if (!failed) {
            if (bucket != null) {
                bucket.addTokens(1);
            }
            if (credential != null) {
                remember(credential);
            }
        }
    }

    private boolean recentlyGood(String credential) {
        Long until = good.get(credential);
        return until != null && until - System.nanoTime() > 0;
    }

    private void remember(String credential) {
        if (good.size() >= MAX_SOURCES) {
            good.clear();
        }
        good.put(credential, System.nanoTime() + GOOD_FOR.toNanos());
    }

    private Bucket bucket(String source) {
        if (buckets.size() >= MAX_SOURCES) {
            long now = ClockUtil.getCurrentTime().getTime();
            if (now - lastCleanup > 60_000) {
                lastCleanup = now;
                buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
            }
        }
        return buckets.computeIfAbsent(source, s -> Bucket.builder()
            .addLimit(limit -> limit.capacity(capacity).refillGreedy(refillPerMinute, Duration.ofMinutes(1)))
            .withCustomTimePrecision(ENGINE_CLOCK)
            .build());
    }

    /** An IPv4 address, or the /64 network of an IPv6 address (one host usually has the whole /64). */
    static String source(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
        }
        catch (UnknownHostException e) {
            return address;
        }
    }

}
