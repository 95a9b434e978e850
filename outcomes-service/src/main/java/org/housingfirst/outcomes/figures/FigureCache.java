package org.housingfirst.outcomes.figures;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * outside any lock shared with other keys, so a slow national table never holds up a municipality's curve.
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

    private final ExecutorService computations = Executors.newVirtualThreadPerTaskExecutor();
    private final AsyncCache<Key, Object> entries =
            Caffeine.newBuilder().maximumSize(1_000).executor(computations).buildAsync();

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

    @Override
    public void destroy() {
        computations.shutdownNow();
    }
}
