package org.housingfirst.outcomes.figures;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Computed figures per key. A key holds the sequence number of the latest stored event of the figure's scope (a
 * municipality, or everything for national tables), which only grows: when an event of the scope is stored, its old
 * entries are never found again and age out. Each figure is computed once however many callers ask for it at once,
 * outside any lock shared with other keys, so a slow national table never holds up a municipality's curve. Bounded
 * by weight, about the number of elements kept, not by the number of entries.
 */
@Component
public class FigureCache implements DisposableBean {

    /**
     * @param scope e.g. {@code SE/1280}, or {@code SE} for a national table
     * @param figure the figure and its parameters
     * @param knownAt the instant it is known at, or {@code latest} for everything stored
     * @param sequence the latest stored event of the scope
     */
    public record Key(String scope, String figure, String knownAt, long sequence) {}

    /** A kept value that knows its size better than its type does: roughly how many elements it holds. */
    public interface Weighed {
        int weight();
    }

    /**
     * About 300,000 elements (a participation with its spells weighs one, a few hundred bytes): about a fifth of a
     * 512 MB heap, room for a country's participations now and as first released, and thousands of figures.
     */
    private static final long MAXIMUM_WEIGHT = 300_000;

    private final ExecutorService computations = Executors.newVirtualThreadPerTaskExecutor();
    private final AsyncCache<Key, Object> entries = Caffeine.newBuilder()
            .maximumWeight(MAXIMUM_WEIGHT)
            .weigher((Key key, Object value) -> weight(value))
            .executor(computations)
            .buildAsync();

    static int weight(Object value) {
        if (value instanceof Weighed weighed) {
            return Math.max(1, weighed.weight());
        }
        if (value instanceof Collection<?> collection) {
            return 1 + collection.size();
        }
        return 1;
    }

    /** A value with the latest event sequence number of its scope when it was computed. */
    private record Kept(Object value, long sequence) implements Weighed {
        @Override
        public int weight() {
            return FigureCache.weight(value);
        }
    }

    /** Whether the scope has changed, for a figure computed when {@code sequence} was its latest event. */
    @FunctionalInterface
    public interface Changes {
        boolean since(long sequence);
    }

    /**
     * A figure as known at a past instant: kept, whatever else is stored, until an event recorded before that instant
     * arrives after it was computed ({@code changes}). Its key's sequence is not used.
     */
    @SuppressWarnings("unchecked")
    public <T> T getAsKnownAt(Key key, long sequenceNow, Changes changes, Supplier<T> compute) {
        Kept kept = (Kept) get(key, () -> new Kept(compute.get(), sequenceNow));
        if (kept.sequence() != sequenceNow && changes.since(kept.sequence())) {
            entries.synchronous().invalidate(key);
            kept = (Kept) get(key, () -> new Kept(compute.get(), sequenceNow));
        }
        return (T) kept.value();
    }

    /** The kept value of {@code key}, computed when absent. */
    @SuppressWarnings("unchecked")
    public <T> T get(Key key, Supplier<T> compute) {
        try {
            return (T) entries.get(key, k -> compute.get()).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Forgets every kept figure. The projections only grow, so nothing else needs it; whatever deletes stored events
     * must call it.
     */
    public void clear() {
        entries.synchronous().invalidateAll();
    }

    @Override
    public void destroy() {
        computations.shutdownNow();
    }
}
