package org.housingfirst.tenancy.tenancy;

import org.housingfirst.edge.problems.RejectedRequest;

/** A command the housing history refuses; the field names the request field at fault. */
public final class HousingRuleViolation extends RejectedRequest {

    private HousingRuleViolation(Kind kind, String field, String message) {
        super(kind, field, message);
    }

    static HousingRuleViolation unknown(String field, String message) {
        return new HousingRuleViolation(Kind.NOT_FOUND, field, message);
    }

    static HousingRuleViolation conflict(String field, String message) {
        return new HousingRuleViolation(Kind.CONFLICT, field, message);
    }

    static HousingRuleViolation invalid(String field, String message) {
        return new HousingRuleViolation(Kind.UNPROCESSABLE, field, message);
    }
}
