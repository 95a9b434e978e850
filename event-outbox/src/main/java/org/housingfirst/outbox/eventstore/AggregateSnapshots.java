package org.housingfirst.outbox.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import tools.jackson.databind.DeserializationFeature;

/**
 * Snapshots of aggregates (ADR 0007): every {@code platform.snapshots.every-events} events an aggregate's fields are
 * stored as JSON, and a command loads the latest snapshot and the events after it instead of the whole history.
 *
 * <p>The serializer reads and writes fields, not getters: aggregates keep their state private. An aggregate's
 * {@code @Revision} names the shape of that state, and Axon ignores a snapshot of another revision, so a change of the
 * fields must raise it. A snapshot that still cannot be read (a field it does not know) is skipped by Axon, which then
 * replays the whole history: a stale snapshot costs time, never a wrong decision.
 */
public final class AggregateSnapshots {

    private AggregateSnapshots() {}

    public static Serializer serializer() {
        return Jackson3Serializer.builder()
                .revisionResolver(new AnnotationRevisionResolver())
                .jsonMapperBuilderCustomizer(json -> json.changeDefaultVisibility(
                                v -> v.withVisibility(PropertyAccessor.GETTER, Visibility.NONE)
                                        .withVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                                        .withVisibility(PropertyAccessor.SETTER, Visibility.NONE)
                                        .withVisibility(PropertyAccessor.FIELD, Visibility.ANY))
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                .build();
    }
}
