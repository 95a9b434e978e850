package org.housingfirst.edge.participant;

import java.util.List;
import org.housingfirst.domain.ParticipantId;

/**
 * A service's participant-level data outside its event store: read models, stored answers. Each service that holds
 * some declares a bean of this type; {@link ParticipantErasures} calls every one of them, in the service's own
 * transaction, when a participant is erased.
 */
public interface ParticipantData {

    /** Deletes what this store holds about the participant; returns the number of rows deleted. */
    int erase(ParticipantId participant);

    /** Every participant id this store names: before the vault, these were pseudonyms (ADR 0006). */
    List<String> participantIds();
}
