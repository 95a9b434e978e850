package org.housingfirst.outcomes.figures;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.outcomes.projection.EventLog;
import org.springframework.stereotype.Component;

/**
 * Makes a municipality's {@link Figure}: computed as known at the caller's instant (everything stored when none is
 * given), kept per key until another event of the municipality is stored, and compared with the figure as first
 * released for its reference date.
 */
@Component
public class Figures {

    /**
     * What a figure is about.
     *
     * @param figure the figure's name and every parameter that changes its result; part of its cache key
     * @param referenceDate the date whose first release the figure is compared with
     * @param openUntil the day on which the figure's definition can first be complete (a rehousing window after the
     *     period closes), or null; as of an earlier date the figure is always provisional
     */
    public record Spec(
            Municipality municipality,
            String figure,
            LocalDate referenceDate,
            String definitionVersion,
            String breakdown,
            LocalDate from,
            LocalDate to,
            LocalDate asOf,
            LocalDate openUntil) {

        /** A figure as of a date. */
        public static Spec asOf(Municipality m, String figure, LocalDate asOf, String definitionVersion) {
            return new Spec(m, figure, asOf, definitionVersion, null, null, null, asOf, null);
        }

        /** The same figure over the period [from, to]. */
        public Spec over(LocalDate from, LocalDate to) {
            return new Spec(
                    municipality, figure, referenceDate, definitionVersion, breakdown, from, to, asOf, openUntil);
        }

        /** The same figure per category of a breakdown. */
        public Spec by(String breakdown) {
            return new Spec(
                    municipality, figure, referenceDate, definitionVersion, breakdown, from, to, asOf, openUntil);
        }

        /** The same figure, provisional as of any date before {@code day}, whatever is known. */
        public Spec openUntil(LocalDate day) {
            return new Spec(municipality, figure, referenceDate, definitionVersion, breakdown, from, to, asOf, day);
        }

        private boolean stillOpen() {
            return openUntil != null && asOf.isBefore(openUntil);
        }
    }

    /** A figure as known at a past instant, kept until an event recorded before it arrives late. */
    private <T> T asKnownAt(
            Municipality m, String scope, String name, Instant at, long sequence, Function<Instant, T> compute) {
        return cache.getAsKnownAt(
                new FigureCache.Key(scope, name, at.toString(), 0),
                sequence,
                since -> eventLog.recordedBeforeStoredSince(m.country(), m.code(), at, since),
                () -> compute.apply(at));
    }

    private final FigureCache cache;
    private final EventLog eventLog;
    private final Releases releases;
    private final Clock clock;

    Figures(FigureCache cache, EventLog eventLog, Releases releases, Clock clock) {
        this.cache = cache;
        this.eventLog = eventLog;
        this.releases = releases;
        this.clock = clock;
    }

    /**
     * @param knownAt only events recorded before it count; null for everything stored
     * @param compute the result as known at an instant (null: everything stored)
     */
    public <T> Figure<T> of(Spec spec, Instant knownAt, Function<Instant, T> compute) {
        Municipality m = spec.municipality();
        String scope = m.country() + "/" + m.code();
        long sequence = eventLog.latest(m.country(), m.code());
        String name = spec.figure() + (spec.breakdown() == null ? "" : "|" + spec.breakdown());
        T result = knownAt == null
                ? cache.get(new FigureCache.Key(scope, name, "latest", sequence), () -> compute.apply(null))
                : asKnownAt(m, scope, name, knownAt, sequence, compute);
        Instant known = knownAt == null ? clock.instant() : knownAt;
        Instant release = releases.firstRelease(spec.referenceDate());
        AtomicReference<T> released = new AtomicReference<>();
        Revision revision = spec.stillOpen()
                ? Revision.PROVISIONAL
                : Revision.of(known, release, () -> {
                    released.set(asKnownAt(m, scope, name, release, sequence, compute));
                    return released.get().equals(result);
                });
        return new Figure<>(
                m.country(),
                m.code(),
                spec.breakdown(),
                spec.from(),
                spec.to(),
                spec.asOf(),
                known,
                spec.definitionVersion(),
                result,
                revision,
                release,
                revision == Revision.REVISED ? released.get() : null);
    }
}
