package org.housingfirst.edge.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param hmacSecret shared secret for HS256 tokens; set only in the local profile and tests. In production leave it
 *     empty and configure {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}.
 * @param codeListVersions municipality code-list version per country, stamped on every event
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(String hmacSecret, Map<String, String> codeListVersions) {}
