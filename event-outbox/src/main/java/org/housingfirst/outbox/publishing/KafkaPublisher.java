package org.housingfirst.outbox.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.housingfirst.contracts.ContractEvent;
import org.housingfirst.contracts.Contracts;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes each contract event of the service's event store (nothing else is a {@link ContractEvent}) to the
 * service's topic. It sends the events of a batch without waiting, then waits for every acknowledgement before the batch's
 * token is stored. A failed send fails the batch, so the processor retries it from the stored token: nothing is lost,
 * and a duplicate carries the same CloudEvents id.
 */
@ProcessingGroup(KafkaPublisher.GROUP)
class KafkaPublisher {

    static final String GROUP = "kafka-publisher";
    private static final String PENDING = KafkaPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final CloudEventWriter writer;
    private final String topic;
    private final MeterRegistry meters;
    private final long ackTimeoutMillis;

    KafkaPublisher(
            KafkaTemplate<String, byte[]> kafka,
            CloudEventWriter writer,
            String topic,
            MeterRegistry meters,
            long ackTimeoutMillis) {
        this.kafka = kafka;
        this.writer = writer;
        this.topic = topic;
        this.meters = meters;
        this.ackTimeoutMillis = ackTimeoutMillis;
    }

    @EventHandler
    void on(ContractEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.partitionKey(), writer.write(event));
        record.headers().add("content-type", CloudEventWriter.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        Counter published = Counter.builder("outbox.events.published")
                .description("Contract events acknowledged by Kafka")
                .tag("type", Contracts.cloudEventType(event.getClass()))
                .register(meters);
        CompletableFuture<SendResult<String, byte[]>> sent = kafka.send(record).whenComplete((result, failure) -> {
            if (failure == null) {
                published.increment();
            }
        });
        pendingSends().add(sent);
    }

    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, name -> {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAll(pending));
            return pending;
        });
    }

    private void awaitAll(List<CompletableFuture<?>> pending) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(ackTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublicationFailedException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublicationFailedException(e);
        }
    }

    /** Kafka did not acknowledge every event of a batch; the batch is retried. */
    static final class PublicationFailedException extends RuntimeException {
        PublicationFailedException(Throwable cause) {
            super("Kafka did not acknowledge every event of the batch", cause);
        }
    }
}
