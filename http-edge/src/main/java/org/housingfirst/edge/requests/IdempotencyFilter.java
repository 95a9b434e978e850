package org.housingfirst.edge.requests;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.housingfirst.edge.problems.FieldError;
import org.housingfirst.edge.problems.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

    static final String REPLAYED_HEADER = "Idempotency-Replayed";

    private final IdempotentRequests requests;
    private final TransactionTemplate transactions;
    private final String bulkPath;

    IdempotencyFilter(IdempotentRequests requests, TransactionTemplate transactions, String bulkPath) {
        this.requests = requests;
        this.transactions = transactions;
        this.bulkPath = bulkPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || request.getHeader(IdempotentRequests.HEADER) == null
                || request.getRequestURI().equals(bulkPath) // its lines carry their own keys
                || request.getRequestURI().startsWith(RequestFilters.QUERY_API); // a query stores nothing
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String clientKey = request.getHeader(IdempotentRequests.HEADER);
        if (!IdempotentRequests.validKey(clientKey)) {
            ProblemResponses.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    IdempotentRequests.HEADER + ": must be 1 to 200 visible ASCII characters",
                    List.of(new FieldError(IdempotentRequests.HEADER, "must be 1 to 200 visible ASCII characters")),
                    null);
            return;
        }
        Optional<String> scope = IdempotentRequests.callerScope();
        if (scope.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        CachedBodyRequest cachedRequest = new CachedBodyRequest(request, body);
        ContentCachingResponseWrapper cachedResponse = new ContentCachingResponseWrapper(response);

        IdempotentRequests.Earlier earlier = transactions.execute(tx -> {
            Optional<IdempotentRequests.Earlier> claimed =
                    requests.claim(scope.get(), clientKey, request.getMethod(), request.getRequestURI(), body);
            if (claimed.isPresent()) {
                return claimed.get();
            }
            try {
                chain.doFilter(cachedRequest, cachedResponse);
            } catch (IOException | ServletException e) {
                throw new IllegalStateException(e);
            }
            int status = cachedResponse.getStatus();
            if (status >= 200 && status < 300) {
                requests.complete(
                        scope.get(),
                        clientKey,
                        status,
                        cachedResponse.getContentType(),
                        cachedResponse.getContentAsByteArray(),
                        cachedResponse.getHeader(HttpHeaders.LOCATION));
            } else {
                tx.setRollbackOnly();
            }
            return null;
        });

        if (earlier == null) {
            cachedResponse.copyBodyToResponse();
        } else {
            answer(earlier, response);
        }
    }

    /** Replays the earlier answer to the same request; another request under the same key is a 422. */
    private static void answer(IdempotentRequests.Earlier earlier, HttpServletResponse response) throws IOException {
        if (!earlier.sameRequest()) {
            ProblemResponses.write(
                    response,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    IdempotentRequests.HEADER + ": was already used with a different request",
                    List.of(new FieldError(IdempotentRequests.HEADER, "was already used with a different request")),
                    null);
            return;
        }
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

    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return BodyStreams.of(body);
        }
    }
}
