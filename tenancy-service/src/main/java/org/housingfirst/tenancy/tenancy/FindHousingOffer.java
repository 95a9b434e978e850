package org.housingfirst.tenancy.tenancy;

import java.util.UUID;
import org.housingfirst.contracts.Municipality;

/** One housing offer, if it belongs to the asking municipality. */
public record FindHousingOffer(UUID offerId, Municipality municipality) {}
