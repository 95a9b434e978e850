package org.housingfirst.outcomes.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Adds a fact to a row's versions, whatever order facts arrive in. A fact recorded at r belongs to every version that
 * starts at or after r; the version that spans r is split there. The result depends only on the set of facts, as long
 * as applying two facts gives the same state in either order (each field group keeps the fact with the greater
 * {@link Stamp}, and counts only add).
 */
final class Versions {

    private Versions() {}

    /**
     * @param versions the row's versions in time order (empty for a new row), contiguous, the last one current
     * @param recordedAt when the fact was recorded
     * @param fact the change the fact makes to a state
     * @param empty the state of a row before any fact
     */
    static <S> List<Version<S>> record(List<Version<S>> versions, Instant recordedAt, UnaryOperator<S> fact, S empty) {
        List<Version<S>> result = new ArrayList<>(versions.size() + 1);
        if (versions.isEmpty() || recordedAt.isBefore(versions.getFirst().from())) {
            Instant to = versions.isEmpty() ? null : versions.getFirst().from();
            result.add(new Version<>(recordedAt, to, fact.apply(empty)));
        }
        for (Version<S> v : versions) {
            if (!v.from().isBefore(recordedAt)) {
                result.add(new Version<>(v.from(), v.to(), fact.apply(v.state())));
            } else if (v.to() != null && !v.to().isAfter(recordedAt)) {
                result.add(v);
            } else {
                result.add(new Version<>(v.from(), recordedAt, v.state()));
                result.add(new Version<>(recordedAt, v.to(), fact.apply(v.state())));
            }
        }
        return result;
    }
}
