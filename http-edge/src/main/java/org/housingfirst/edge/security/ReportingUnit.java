package org.housingfirst.edge.security;

import org.housingfirst.contracts.Municipality;

/** The organisation and municipality a caller reports for, from their token. */
public record ReportingUnit(String reportingOrganisation, Municipality municipality) {

    /** Scope of idempotency keys and similar per-caller state. */
    public String scope() {
        return municipality.country() + "-" + municipality.code() + "/" + reportingOrganisation;
    }
}
