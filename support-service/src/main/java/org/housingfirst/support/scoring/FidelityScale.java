package org.housingfirst.support.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Pathways-style fidelity scale: item codes, each scored 1–4, grouped in domains. Only codes: licensed item texts
 * are never shipped. The operator configures the scale's items; the platform does not hard-code one.
 *
 * @param id e.g. {@code PATHWAYS_HF}
 * @param version e.g. {@code PHF-38-2013}
 * @param domainByItem item code to domain name
 */
public record FidelityScale(String id, String version, Map<String, String> domainByItem) {

    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 4;

    public FidelityScale {
        if (domainByItem.isEmpty()) {
            throw new IllegalArgumentException("a fidelity scale has items");
        }
        domainByItem = Collections.unmodifiableMap(new LinkedHashMap<>(domainByItem));
    }

    /** The highest possible total: every item at 4. */
    public int maximum() {
        return domainByItem.size() * MAX_SCORE;
    }
}
