package org.housingfirst.contracts.tenancy;

/** Where the dwelling sits; scattered sites in ordinary stock are the Housing First norm. */
public enum HousingType {
    SCATTERED_SITE,
    CLUSTERED,
    SINGLE_SITE
}
