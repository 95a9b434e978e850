package org.housingfirst.outbox;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest service that uses event-outbox: no aggregate, events published straight to the event store. */
@SpringBootApplication
public class OutboxTestApplication {

    /** The producer's value serializer: refuses every record while {@link #FAILING} is set, as a broker that is away. */
    public static final class FlakySerializer implements Serializer<byte[]> {
        public static final AtomicBoolean FAILING = new AtomicBoolean();

        @Override
        public byte[] serialize(String topic, byte[] data) {
            if (FAILING.get()) {
                throw new SerializationException("refused by the test");
            }
            return data;
        }
    }
}
