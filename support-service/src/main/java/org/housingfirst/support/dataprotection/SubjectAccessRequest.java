package org.housingfirst.support.dataprotection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.housingfirst.edge.participant.ParticipantRef;

/** Body of POST /api/v1/subject-access-requests: the person, by identity number or local reference. */
record SubjectAccessRequest(@NotNull @Valid ParticipantRef participant) {}
