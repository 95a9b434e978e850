package org.housingfirst.outbox.publishing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.housingfirst.contracts.ContractEvent;
import org.housingfirst.contracts.Contracts;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a contract event as a CloudEvents 1.0 JSON document (structured mode): {@code id} is the event id, {@code
 * type} names the event and its revision, {@code dataschema} is the schema's {@code $id}, {@code partitionkey} is the
 * partition key (the participant pseudonym for events about a person), and {@code data} is the event exactly as its golden sample shows it.
 */
class CloudEventWriter {

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private final JsonMapper json = JsonMapper.builder().build();
    private final String source;

    CloudEventWriter(String source) {
        this.source = source;
    }

    byte[] write(ContractEvent event) {
        Map<String, Object> cloudEvent = new LinkedHashMap<>();
        cloudEvent.put("specversion", "1.0");
        cloudEvent.put("id", event.eventId().toString());
        cloudEvent.put("source", source);
        cloudEvent.put("type", Contracts.cloudEventType(event.getClass()));
        cloudEvent.put("time", event.recordedAt().toString());
        cloudEvent.put("datacontenttype", "application/json");
        cloudEvent.put("dataschema", Contracts.schemaId(event.getClass()));
        cloudEvent.put("partitionkey", event.partitionKey());
        cloudEvent.put("data", event);
        return json.writeValueAsBytes(cloudEvent);
    }
}
