package org.housingfirst.tenancy.tenancy;

import java.util.UUID;
import org.housingfirst.contracts.Municipality;

/** One tenancy, if it belongs to the asking municipality. */
public record FindTenancy(UUID tenancyId, Municipality municipality) {}
