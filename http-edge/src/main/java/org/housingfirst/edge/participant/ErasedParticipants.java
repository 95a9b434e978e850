package org.housingfirst.edge.participant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.edge.problems.FieldError;
import org.housingfirst.edge.problems.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A request about an erased participant, by the id a caller kept from before the erasure, is 410 Gone: nothing is
 * read and nothing new is recorded about them.
 */
class ErasedParticipants implements HandlerInterceptor {

    private static final String FIELD = "participantId";

    private final IdentityVault vault;

    ErasedParticipants(IdentityVault vault) {
        this.vault = vault;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get(FIELD) instanceof String id
                && id.matches(ParticipantId.PATTERN)
                && vault.erased(new ParticipantId(id))) {
            String detail = "this participant was erased";
            ProblemResponses.write(response, HttpStatus.GONE, detail, List.of(new FieldError(FIELD, detail)), null);
            return false;
        }
        return true;
    }
}
