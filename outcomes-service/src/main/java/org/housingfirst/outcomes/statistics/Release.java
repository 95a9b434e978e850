package org.housingfirst.outcomes.statistics;

import java.time.Instant;

/**
 * One country's national tables for one reference quarter, frozen when published. The first release has sequence 1;
 * each revision is a new release with the next sequence, and none is ever changed.
 *
 * @param eventVersion the event log position the figures were computed from
 * @param note what the release is: a first release, or a revision and what it changed
 */
record Release(
        String id,
        String country,
        Quarter period,
        int sequence,
        Instant publishedAt,
        long eventVersion,
        String disclosurePolicy,
        String codeListVersion,
        String note) {

    static String id(String country, Quarter period, int sequence) {
        return country + "-" + period.code() + "-" + sequence;
    }

    boolean revision() {
        return sequence > 1;
    }
}
