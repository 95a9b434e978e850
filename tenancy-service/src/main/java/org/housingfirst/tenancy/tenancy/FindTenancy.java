package org.housingfirst.tenancy.tenancy;

import org.housingfirst.contracts.Municipality;
import org.housingfirst.domain.TenancyId;

/** One tenancy, if it belongs to the asking municipality. */
public record FindTenancy(TenancyId tenancyId, Municipality municipality) {}
