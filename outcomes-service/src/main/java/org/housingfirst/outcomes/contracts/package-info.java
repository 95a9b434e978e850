/** Contract types of tenancies: the first-hand lease share and conversions from second-hand to first-hand leases. */
package org.housingfirst.outcomes.contracts;
