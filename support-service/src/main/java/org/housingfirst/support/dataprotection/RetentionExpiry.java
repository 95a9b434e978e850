package org.housingfirst.support.dataprotection;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.housingfirst.contracts.support.ErasureCause;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.edge.participant.IdentityVault;
import org.housingfirst.edge.security.ReportingUnits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases, through the same path as a dpo's erasure (cause {@code RETENTION}), every participant whose retention period
 * has run out: someone who has exited every programme they were enrolled in, in every municipality, and for whom each
 * of those municipalities' periods after the exit has passed. A municipality without a period keeps its data, and so
 * keeps the person. Runs daily ({@code platform.retention.cron}, default 02:30 in the platform's time zone).
 */
@Component
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionExpiry {

    /** The organisation an erasure by the retention schedule is recorded for. */
    static final String ORGANISATION = "platform-retention";

    private static final Logger log = LoggerFactory.getLogger(RetentionExpiry.class);

    private final RetentionProperties retention;
    private final JdbcClient jdbc;
    private final Erasures erasures;
    private final IdentityVault vault;
    private final ReportingUnits units;
    private final Clock clock;
    private final MeterRegistry meters;

    RetentionExpiry(
            RetentionProperties retention,
            JdbcClient jdbc,
            Erasures erasures,
            IdentityVault vault,
            ReportingUnits units,
            Clock clock,
            MeterRegistry meters) {
        this.retention = retention;
        this.jdbc = jdbc;
        this.erasures = erasures;
        this.vault = vault;
        this.units = units;
        this.clock = clock;
        this.meters = meters;
    }

    /** Erases every participant whose retention period ran out by today; returns how many. */
    @Scheduled(cron = "${platform.retention.cron:0 30 2 * * *}", zone = "${platform.time-zone:Europe/Stockholm}")
    public int expire() {
        LocalDate today = LocalDate.now(clock);
        List<Expired> due = due(today);
        for (Expired expired : due) {
            if (!vault.erased(expired.participant())) {
                erasures.erase(
                        expired.participant(),
                        units.platform(ORGANISATION, expired.country(), expired.code()),
                        ErasureCause.RETENTION,
                        Duration.ZERO); // nobody reads the report; the other services sweep on their own
                meters.counter("participant.retention.expired").increment();
            }
        }
        if (!due.isEmpty()) {
            log.info("erased {} participants whose retention period after exit ran out", due.size());
        }
        return due.size();
    }

    /** A participant to erase, and the municipality of their last exit, which records the erasure. */
    private record Expired(ParticipantId participant, String country, String code) {}

    private record Enrolments(String country, String code, boolean allExited, LocalDate lastExit) {}

    private List<Expired> due(LocalDate today) {
        Map<String, List<Enrolments>> byParticipant = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT participant_id, country, municipality_code, bool_and(exited_on IS NOT NULL) AS all_exited,
                       max(exited_on) AS last_exit
                  FROM enrolment_view
                 GROUP BY participant_id, country, municipality_code
                 ORDER BY participant_id""").query(rs -> {
            Date lastExit = rs.getDate("last_exit");
            byParticipant
                    .computeIfAbsent(rs.getString("participant_id"), id -> new ArrayList<>())
                    .add(new Enrolments(
                            rs.getString("country"),
                            rs.getString("municipality_code"),
                            rs.getBoolean("all_exited"),
                            lastExit == null ? null : lastExit.toLocalDate()));
        });
        List<Expired> due = new ArrayList<>();
        byParticipant.forEach((participant, municipalities) -> {
            boolean expired = municipalities.stream().allMatch(m -> {
                Optional<Period> period = retention.of(m.country(), m.code());
                return m.allExited()
                        && period.isPresent()
                        && !m.lastExit().plus(period.get()).isAfter(today);
            });
            if (expired) {
                Enrolments last = municipalities.stream()
                        .max((a, b) -> a.lastExit().compareTo(b.lastExit()))
                        .orElseThrow();
                due.add(new Expired(new ParticipantId(participant), last.country(), last.code()));
            }
        });
        return due;
    }
}
