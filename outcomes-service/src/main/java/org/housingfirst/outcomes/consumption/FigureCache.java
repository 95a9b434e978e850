package org.housingfirst.outcomes.consumption;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps computed figures until another event of their scope is stored: a key includes the sequence number of the
 * latest stored event (of the municipality, or of all), which only grows, so a stale entry is never found again and
 * ages out. Least recently used entries beyond 256 are dropped.
 */
@Component
public class FigureCache {

    private static final int ENTRIES = 256;

    private final JdbcClient jdbc;
    private final Map<String, Object> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > ENTRIES;
        }
    };

    FigureCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sequence number of the latest stored event. */
    public long latest() {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM event_log")
                .query(Long.class)
                .single();
    }

    /** The sequence number of the latest stored event of one municipality. */
    public long latest(String country, String municipality) {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM event_log WHERE country = ? AND municipality_code = ?")
                .params(country, municipality)
                .query(Long.class)
                .single();
    }

    /** The cached value of {@code key}, computing it once when absent. */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        synchronized (entries) {
            Object value = entries.get(key);
            if (value == null) {
                value = compute.get();
                entries.put(key, value);
            }
            return (T) value;
        }
    }
}
