package org.housingfirst.edge.requests;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.housingfirst.edge.problems.FieldError;
import org.housingfirst.edge.problems.ProblemResponses;
import org.housingfirst.identity.Pseudonymiser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST. The key's record is inserted before the request runs and completed with its response
 * in the same transaction as the events the request stores, so a retry either replays the first response or finds
 * nothing stored. A concurrent duplicate waits on the key's row and then replays. The same key with another body is a
 * 422. Keys are scoped to the caller's organisation and municipality. Keys and bodies are kept only as keyed hashes,
 * since a client may put anything in them, an identity number included.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotency-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private record Stored(String fingerprint, int status, String contentType, byte[] body, String location) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Pseudonymiser pseudonymiser;
    private final Optional<Pseudonymiser> previous;
    private final Clock clock;

    IdempotencyFilter(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Pseudonymiser pseudonymiser,
            Optional<Pseudonymiser> previous,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.pseudonymiser = pseudonymiser;
        this.previous = previous;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String clientKey = request.getHeader(HEADER);
        if (!KEY.matcher(clientKey).matches()) {
            ProblemResponses.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    HEADER + ": must be 1 to 200 visible ASCII characters",
                    List.of(new FieldError(HEADER, "must be 1 to 200 visible ASCII characters")),
                    null);
            return;
        }
        Optional<String> scope = scope();
        if (scope.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String key = hashedKey(pseudonymiser, clientKey);
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(pseudonymiser, request, body);
        if (previous.isPresent()) { // a key rotation runs: a retry of a request first answered under the old key
            Optional<Stored> beforeRotation = find(scope.get(), hashedKey(previous.get(), clientKey));
            if (beforeRotation.isPresent()) {
                String oldFingerprint = fingerprint(previous.get(), request, body);
                answer(beforeRotation.get(), beforeRotation.get().fingerprint().equals(oldFingerprint), response);
                return;
            }
        }
        CachedBodyRequest cachedRequest = new CachedBodyRequest(request, body);
        ContentCachingResponseWrapper cachedResponse = new ContentCachingResponseWrapper(response);

        Stored earlier = transactions.execute(tx -> {
            int inserted = jdbc.sql("""
                    INSERT INTO idempotent_request (scope, request_key, fingerprint, status, body, created_at)
                    VALUES (?, ?, ?, 0, ''::bytea, ?) ON CONFLICT DO NOTHING""")
                    .params(scope.get(), key, fingerprint, Timestamp.from(clock.instant()))
                    .update();
            if (inserted == 0) {
                return find(scope.get(), key).orElseThrow();
            }
            try {
                chain.doFilter(cachedRequest, cachedResponse);
            } catch (IOException | ServletException e) {
                throw new IllegalStateException(e);
            }
            int status = cachedResponse.getStatus();
            if (status >= 200 && status < 300) {
                jdbc.sql("""
                        UPDATE idempotent_request SET status = ?, content_type = ?, body = ?, location = ?
                        WHERE scope = ? AND request_key = ?""")
                        .params(
                                status,
                                cachedResponse.getContentType(),
                                cachedResponse.getContentAsByteArray(),
                                cachedResponse.getHeader(HttpHeaders.LOCATION),
                                scope.get(),
                                key)
                        .update();
            } else {
                tx.setRollbackOnly();
            }
            return null;
        });

        if (earlier == null) {
            cachedResponse.copyBodyToResponse();
        } else {
            answer(earlier, earlier.fingerprint().equals(fingerprint), response);
        }
    }

    /** Replays the earlier answer to the same request; another request under the same key is a 422. */
    private static void answer(Stored earlier, boolean sameRequest, HttpServletResponse response) throws IOException {
        if (!sameRequest) {
            ProblemResponses.write(
                    response,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    HEADER + ": was already used with a different request",
                    List.of(new FieldError(HEADER, "was already used with a different request")),
                    null);
        } else {
            replay(earlier, response);
        }
    }

    private Optional<Stored> find(String scope, String key) {
        return jdbc.sql("""
                SELECT fingerprint, status, content_type, body, location FROM idempotent_request
                WHERE scope = ? AND request_key = ?""")
                .params(scope, key)
                .query((rs, row) -> new Stored(
                        rs.getString("fingerprint"),
                        rs.getInt("status"),
                        rs.getString("content_type"),
                        rs.getBytes("body"),
                        rs.getString("location")))
                .optional();
    }

    private static void replay(Stored earlier, HttpServletResponse response) throws IOException {
        response.setStatus(earlier.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (earlier.contentType() != null) {
            response.setContentType(earlier.contentType());
        }
        if (earlier.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, earlier.location());
        }
        response.getOutputStream().write(earlier.body());
    }

    /** What is stored for a client's key: its keyed hash, 52 base32 characters. */
    static String hashedKey(Pseudonymiser pseudonymiser, String clientKey) {
        return pseudonymiser.fingerprint((HEADER + "\n" + clientKey).getBytes(StandardCharsets.UTF_8));
    }

    private static String fingerprint(Pseudonymiser pseudonymiser, HttpServletRequest request, byte[] body) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(body.length + 100);
        data.writeBytes((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
        data.writeBytes(body);
        return pseudonymiser.fingerprint(data.toByteArray());
    }

    private static Optional<String> scope() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            String organisation = token.getToken().getClaimAsString("org");
            String country = token.getToken().getClaimAsString("country");
            String municipality = token.getToken().getClaimAsString("municipality");
            if (organisation != null && country != null && municipality != null) {
                return Optional.of(country + "-" + municipality + "/" + organisation);
            }
        }
        return Optional.empty();
    }

    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }
    }
}
