package org.housingfirst.tenancy.tenancy;

import java.util.List;

/** The id of a participant and their tenancies in the caller's municipality. */
record ParticipantLookupResponse(String participantId, List<TenancyView> tenancies) {}
