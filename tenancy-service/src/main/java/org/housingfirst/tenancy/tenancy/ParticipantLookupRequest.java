package org.housingfirst.tenancy.tenancy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.housingfirst.edge.participant.ParticipantRef;

/** Body of POST /api/v1/participant-lookups. */
record ParticipantLookupRequest(@NotNull @Valid ParticipantRef participant) {}
