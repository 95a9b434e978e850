package org.housingfirst.outcomes.projection;

import java.time.Instant;

/**
 * One state of a row along recorded time. It is what was known at every instant K with {@code from < K <= to}: the
 * facts recorded before K. {@code to} is null while the version is current.
 */
record Version<S>(Instant from, Instant to, S state) {

    boolean current() {
        return to == null;
    }
}
