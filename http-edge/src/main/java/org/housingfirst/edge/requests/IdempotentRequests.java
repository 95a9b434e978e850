package org.housingfirst.edge.requests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.housingfirst.identity.Pseudonymiser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The stored answers to requests sent with an idempotency key, shared by the single-request filter and the bulk
 * endpoint, so that a key means the same on both. A key is claimed inside the transaction that stores the request's
 * events and completed with its answer there; a concurrent claim of the same key waits on the row. Keys and requests are
 * kept only as keyed hashes, since a client may put anything in them, an identity number included.
 */
public final class IdempotentRequests {

    /** The header of a single request; a bulk line carries the same key as a field. */
    public static final String HEADER = "Idempotency-Key";

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    /** What a key's first request was answered, and whether the request now sent is the same one. */
    public record Earlier(int status, String contentType, byte[] body, String location, boolean sameRequest) {}

    private record Stored(String fingerprint, int status, String contentType, byte[] body, String location) {}

    private final JdbcClient jdbc;
    private final Pseudonymiser pseudonymiser;
    private final Optional<Pseudonymiser> previous;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, Pseudonymiser pseudonymiser, Optional<Pseudonymiser> previous, Clock clock) {
        this.jdbc = jdbc;
        this.pseudonymiser = pseudonymiser;
        this.previous = previous;
        this.clock = clock;
    }

    /** A client's key is 1 to 200 visible ASCII characters. */
    public static boolean validKey(String clientKey) {
        return clientKey != null && KEY.matcher(clientKey).matches();
    }

    /** Keys are scoped to the caller's country, municipality and organisation; a token without them has no scope. */
    public static Optional<String> callerScope() {
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

    /**
     * Claims the key for a request about to run, in the caller's transaction, or returns the answer the key's first
     * request got: under the current pseudonym key, or, while a key rotation runs, under the previous one.
     */
    public Optional<Earlier> claim(String scope, String clientKey, String method, String uri, byte[] body) {
        if (previous.isPresent()) {
            Optional<Stored> beforeRotation = find(scope, hashedKey(previous.get(), clientKey));
            if (beforeRotation.isPresent()) {
                return beforeRotation.map(s -> earlier(s, fingerprint(previous.get(), method, uri, body)));
            }
        }
        String key = hashedKey(pseudonymiser, clientKey);
        String fingerprint = fingerprint(pseudonymiser, method, uri, body);
        int inserted = jdbc.sql("""
                INSERT INTO idempotent_request (scope, request_key, fingerprint, status, body, created_at)
                VALUES (?, ?, ?, 0, ''::bytea, ?) ON CONFLICT DO NOTHING""")
                .params(scope, key, fingerprint, Timestamp.from(clock.instant()))
                .update();
        return inserted == 1 ? Optional.empty() : find(scope, key).map(s -> earlier(s, fingerprint));
    }

    /** Stores the answer of a claimed key's request, in the transaction that claimed it. */
    public void complete(String scope, String clientKey, int status, String contentType, byte[] body, String location) {
        jdbc.sql("""
                UPDATE idempotent_request SET status = ?, content_type = ?, body = ?, location = ?
                WHERE scope = ? AND request_key = ?""")
                .params(status, contentType, body, location, scope, hashedKey(pseudonymiser, clientKey))
                .update();
    }

    private static Earlier earlier(Stored stored, String fingerprint) {
        return new Earlier(
                stored.status(),
                stored.contentType(),
                stored.body(),
                stored.location(),
                stored.fingerprint().equals(fingerprint));
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

    /** What is stored for a client's key: its keyed hash, 52 base32 characters. */
    static String hashedKey(Pseudonymiser pseudonymiser, String clientKey) {
        return pseudonymiser.fingerprint((HEADER + "\n" + clientKey).getBytes(StandardCharsets.UTF_8));
    }

    private static String fingerprint(Pseudonymiser pseudonymiser, String method, String uri, byte[] body) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(body.length + 100);
        data.writeBytes((method + " " + uri + "\n").getBytes(StandardCharsets.UTF_8));
        data.writeBytes(body);
        return pseudonymiser.fingerprint(data.toByteArray());
    }
}
