package org.housingfirst.edge.security;

import java.util.regex.Pattern;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.geography.CodeLists;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the reporting unit from a token's {@code org}, {@code country} and {@code municipality} claims. The municipality
 * must be in the shipped code list of the version configured for its country: a well-formed code that names no
 * municipality ({@code SE 9999}) is refused like a missing one.
 */
public class ReportingUnits {

    private static final Pattern MUNICIPALITY = Pattern.compile("\\d{4}");
    private static final Pattern ORGANISATION = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final SecurityProperties properties;
    private final CodeLists codeLists;

    ReportingUnits(SecurityProperties properties, CodeLists codeLists) {
        this.properties = properties;
        this.codeLists = codeLists;
        properties.codeListVersions().forEach((country, version) -> {
            if (codeLists
                    .of(country)
                    .filter(list -> list.version().equals(version))
                    .isEmpty()) {
                throw new IllegalStateException("platform.security.code-list-versions." + country + ": " + version
                        + " is not a code list shipped with this version");
            }
        });
    }

    /**
     * The unit the platform itself reports as for a municipality, e.g. for an erasure its retention schedule makes: the
     * municipality with its configured code-list version.
     */
    public ReportingUnit platform(String organisation, String country, String code) {
        String codeListVersion = properties.codeListVersions().get(country);
        if (codeListVersion == null) {
            throw new IllegalArgumentException("no code list is configured for " + country);
        }
        return new ReportingUnit(organisation, new Municipality(country, code, codeListVersion));
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
                || codeListVersion == null
                || !codeLists.contains(country, codeListVersion, code)) {
            throw new AccessDeniedException("the token must carry org, a supported country and a municipality claim"
                    + " from that country's code list");
        }
        return new ReportingUnit(organisation, new Municipality(country, code, codeListVersion));
    }
}
