package org.housingfirst.edge.access;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.domain.RuleViolation;
import org.housingfirst.edge.security.ReportingUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The append-only access log (issue 13): who read which participant's data, when, in which municipality and why. A read
 * is recorded in the request that returns the data, after the data was found: a request answered 404 read nothing. The
 * purpose is the caller's {@value #PURPOSE_HEADER} header, when it sends one: UTF-8, percent-encoded beyond ASCII
 * ({@code uppf%C3%B6ljning}).
 */
public class AccessLog {

    /** The request header in which a caller states why it reads participant-level data. */
    public static final String PURPOSE_HEADER = "Access-Purpose";

    private static final Pattern PURPOSE = Pattern.compile("[\\p{L}\\p{N} .,:;()/'_-]{1,200}");

    private final JdbcClient jdbc;
    private final Clock clock;

    public AccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records that the caller read {@code participant}'s data in the current request, named by its method and path
     * template ({@code GET /api/v1/tenancies/{tenancyId}}) as the request mapping matched it.
     */
    public void read(ReportingUnit unit, ParticipantId participant) {
        record(unit, participant, "READ", operation());
    }

    /**
     * Records that {@code participant} was erased (the id, linked to no one now): by the caller of the current request,
     * or, outside a request, by the platform's retention schedule.
     */
    public void erased(ReportingUnit unit, ParticipantId participant) {
        record(unit, participant, "ERASE", currentRequest() == null ? RETENTION_SCHEDULE : operation());
    }

    /** What the access log names as the operation, and the subject, of an erasure the retention schedule made. */
    public static final String RETENTION_SCHEDULE = "retention period after exit";

    /** Records one entry of the given action about {@code participant} (null: about nobody in particular). */
    private void record(ReportingUnit unit, ParticipantId participant, String action, String resource) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String subject = caller != null ? caller.getName() : currentRequest() == null ? "platform" : "unknown";
        String roles = caller == null
                ? ""
                : String.join(
                        ",",
                        caller.getAuthorities().stream()
                                .map(GrantedAuthority::getAuthority)
                                .map(a -> a.replaceFirst("^ROLE_", "").toLowerCase(Locale.ROOT))
                                .sorted()
                                .toList());
        jdbc.sql("""
                        INSERT INTO access_log (at, subject, organisation, roles, country, municipality,
                                                participant_id, action, resource, purpose)
                        VALUES (:at, :subject, :organisation, :roles, :country, :municipality,
                                :participant, :action, :resource, :purpose)""")
                .param("at", Timestamp.from(clock.instant()))
                .param("subject", truncate(subject, 200))
                .param("organisation", unit.reportingOrganisation())
                .param("roles", truncate(roles, 200))
                .param("country", unit.municipality().country())
                .param("municipality", unit.municipality().code())
                .param("participant", participant == null ? null : participant.value())
                .param("action", action)
                .param("resource", truncate(resource, 300))
                .param("purpose", purpose())
                .update();
    }

    /** The entries of one municipality, newest first, optionally about one participant and within [from, to). */
    public List<AccessLogEntry> entries(
            ReportingUnit unit, ParticipantId participant, java.time.Instant from, java.time.Instant to, int limit) {
        return jdbc.sql("""
                        SELECT at, subject, organisation, roles, participant_id, action, resource, purpose
                          FROM access_log
                         WHERE country = :country AND municipality = :municipality
                           AND (CAST(:participant AS VARCHAR) IS NULL OR participant_id = :participant)
                           AND at >= :from AND at < :to
                         ORDER BY at DESC, id DESC
                         LIMIT :limit""")
                .param("country", unit.municipality().country())
                .param("municipality", unit.municipality().code())
                .param("participant", participant == null ? null : participant.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit)
                .query((rs, row) -> new AccessLogEntry(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("subject"),
                        rs.getString("organisation"),
                        List.of(rs.getString("roles").split(",")),
                        rs.getString("participant_id"),
                        rs.getString("action"),
                        rs.getString("resource"),
                        rs.getString("purpose")))
                .list();
    }

    /** The method and matched path template of the current request. */
    private static String operation() {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            throw new IllegalStateException("the access log records reads inside a request");
        }
        Object template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return request.getMethod() + " " + (template == null ? request.getRequestURI() : template);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    /** The stated purpose of the current request, checked; null when it states none. */
    static String purpose() {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            return null;
        }
        String header = request.getHeader(PURPOSE_HEADER);
        if (header == null) {
            return null;
        }
        String purpose;
        try {
            // header values are ASCII: the rest of UTF-8 comes percent-encoded
            purpose = java.net.URLDecoder.decode(header.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            purpose = "";
        }
        if (!PURPOSE.matcher(purpose).matches()) {
            throw RuleViolation.invalid(
                    PURPOSE_HEADER, "must be 1 to 200 letters, digits, spaces and simple punctuation");
        }
        return purpose;
    }

    private static String truncate(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
