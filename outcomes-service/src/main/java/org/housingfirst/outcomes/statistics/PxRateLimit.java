package org.housingfirst.outcomes.statistics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.housingfirst.edge.problems.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * PxWebApi's {@code maxCallsPerTimeWindow}: each client may call {@code /api/v2} that many times per
 * {@code timeWindow} seconds (a Bucket4j bucket refilled whole at the end of each window), and gets a 429 with
 * {@code Retry-After} beyond. A client is the token's subject, or without a token the remote address. It runs after
 * the security filters, so a request refused there is not counted.
 */
@Component
class PxRateLimit extends OncePerRequestFilter {

    private final StatisticsProperties properties;
    private final Counter refused;
    private final Cache<String, Bucket> buckets;

    PxRateLimit(StatisticsProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.refused = Counter.builder("statistics.api.rate.limited")
                .description("PxWebApi calls refused with 429 for going over maxCallsPerTimeWindow")
                .register(meters);
        // a client idle for two windows starts afresh; the cache bounds what many addresses can hold
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofSeconds(2L * properties.timeWindow()))
                .maximumSize(100_000)
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/v2/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = buckets.get(client(request), key -> bucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        refused.increment();
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        ProblemResponses.write(
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "More than " + properties.maxCallsPerTimeWindow() + " calls in " + properties.timeWindow()
                        + " seconds; retry after " + seconds + " seconds. Run large queries in sequence.",
                List.of(),
                null);
    }

    private Bucket bucket() {
        int calls = properties.maxCallsPerTimeWindow();
        return Bucket.builder()
                .addLimit(limit ->
                        limit.capacity(calls).refillIntervally(calls, Duration.ofSeconds(properties.timeWindow())))
                .build();
    }

    private static String client(HttpServletRequest request) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) {
            return "subject:" + caller.getName();
        }
        return "address:" + request.getRemoteAddr();
    }
}
