package org.housingfirst.edge.security;

import java.util.regex.Pattern;
import org.housingfirst.contracts.Municipality;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads the reporting unit from a token's {@code org}, {@code country} and {@code municipality} claims. */
class ReportingUnits {

    private static final Pattern MUNICIPALITY = Pattern.compile("\\d{4}");
    private static final Pattern ORGANISATION = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final SecurityProperties properties;

    ReportingUnits(SecurityProperties properties) {
        this.properties = properties;
    }

    ReportingUnit of(Jwt jwt) {
        String organisation = jwt.getClaimAsString("org");
        String country = jwt.getClaimAsString("country");
        String code = jwt.getClaimAsString("municipality");
        String codeListVersion =
                country == null ? null : properties.codeListVersions().get(country);
        if (organisation == null
                || !ORGANISATION.matcher(organisation).matches()
                || code == null
                || !MUNICIPALITY.matcher(code).matches()
                || codeListVersion == null) {
            throw new AccessDeniedException(
                    "the token must carry org, a supported country and a four-digit municipality claim");
        }
        return new ReportingUnit(organisation, new Municipality(country, code, codeListVersion));
    }
}
