package org.housingfirst.tenancy.tenancy;

import org.housingfirst.contracts.Municipality;
import org.housingfirst.domain.HousingOfferId;

/** One housing offer, if it belongs to the asking municipality. */
public record FindHousingOffer(HousingOfferId offerId, Municipality municipality) {}
