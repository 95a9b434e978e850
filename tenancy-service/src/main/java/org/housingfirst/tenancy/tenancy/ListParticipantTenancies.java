package org.housingfirst.tenancy.tenancy;

import org.housingfirst.contracts.Municipality;
import org.housingfirst.domain.ParticipantId;

/** A participant's tenancies in the asking municipality, oldest first. */
public record ListParticipantTenancies(ParticipantId participantId, Municipality municipality) {}
