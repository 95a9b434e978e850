package org.housingfirst.tenancy.tenancy;

import org.housingfirst.contracts.Municipality;

/** A participant's tenancies in the asking municipality, oldest first. */
public record ListParticipantTenancies(String participantId, Municipality municipality) {}
