package org.housingfirst.support.dataprotection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.housingfirst.edge.participant.ParticipantRef;

/** Body of POST /api/v1/erasures: the person to erase, by identity number or local reference. */
record ErasureRequest(@NotNull @Valid ParticipantRef participant) {}
