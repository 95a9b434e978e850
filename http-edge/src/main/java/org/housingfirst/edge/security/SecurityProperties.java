package org.housingfirst.edge.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param hmacSecret shared secret for HS256 tokens; set only in the local profile and tests. In production leave it
 *     empty and configure {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}.
 * @param codeListVersions municipality code-list version per country, stamped on every event
 * @param publicStatistics whether the statistics API under {@code /api/v2} answers without a token; it serves released,
 *     disclosure-controlled tables to anyone and provisional figures only to the roles that read statistics. Off, every
 *     call needs one of those roles.
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(
        String hmacSecret,
        Map<String, String> codeListVersions,
        @DefaultValue("true") boolean publicStatistics) {}
