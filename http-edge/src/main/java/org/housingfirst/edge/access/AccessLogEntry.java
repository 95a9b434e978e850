package org.housingfirst.edge.access;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the access log.
 *
 * @param subject the caller's {@code sub}
 * @param participantId the participant's pseudonym; null for an entry about nobody in particular
 * @param action READ or ERASE
 * @param resource the method and path template of the request
 * @param purpose the purpose the caller stated, if any
 */
public record AccessLogEntry(
        Instant at,
        String subject,
        String organisation,
        List<String> roles,
        String participantId,
        String action,
        String resource,
        String purpose) {}
