package org.housingfirst.edge.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.housingfirst.contracts.geography.CodeLists;
import org.housingfirst.edge.problems.ProblemResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may do what. {@code reporter} writes and reads its own municipality, {@code analyst} reads it, {@code national}
 * sees only the disclosure-controlled aggregates under {@code /api/v1/statistics} and {@code /api/v2} (PxWebApi 2.0),
 * which the other roles may read too, and anyone may read as released when statistics are public; {@code operator} runs platform operations under
 * {@code /api/v1/operations}; {@code dpo}, the data protection officer, reads its municipality's access log, erases participants and exports what is held about them. Errors are problem details.
 */
@AutoConfiguration
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    static final String REPORTER = "REPORTER";
    static final String ANALYST = "ANALYST";
    static final String NATIONAL = "NATIONAL";
    static final String OPERATOR = "OPERATOR";
    static final String DPO = "DPO";

    private static final AuthenticationEntryPoint UNAUTHORIZED =
            (request, response, e) -> ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Bearer");
    private static final AccessDeniedHandler FORBIDDEN =
            (request, response, e) -> ProblemResponses.write(response, HttpStatus.FORBIDDEN, null);

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                // the probes on the API port; the rest of the actuator is on the management port
                                "/livez",
                                "/readyz",
                                "/actuator/health/**",
                                "/actuator/prometheus",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/contracts/**",
                                "/dashboard/**",
                                "/webjars/**",
                                "/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/participant-lookups")
                        .hasAnyRole(REPORTER, ANALYST)
                        .requestMatchers("/api/v1/operations/**")
                        .hasRole(OPERATOR)
                        .requestMatchers(
                                "/api/v1/access-log",
                                "/api/v1/erasures",
                                "/api/v1/subject-access-requests",
                                "/api/v1/participants/*/subject-access")
                        .hasRole(DPO)
                        .requestMatchers(HttpMethod.GET, "/api/v1/statistics/**")
                        .hasAnyRole(NATIONAL, ANALYST, REPORTER)
                        // PxWebApi 2.0: reads, and the data POST that carries a selection
                        .requestMatchers(HttpMethod.GET, "/api/v2/**")
                        .access(statistics(properties))
                        .requestMatchers(HttpMethod.POST, "/api/v2/tables/*/data")
                        .access(statistics(properties))
                        .requestMatchers(HttpMethod.POST, "/api/v1/**")
                        .hasRole(REPORTER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/**")
                        .hasAnyRole(REPORTER, ANALYST)
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint(UNAUTHORIZED)
                        .accessDeniedHandler(FORBIDDEN))
                .exceptionHandling(
                        ex -> ex.authenticationEntryPoint(UNAUTHORIZED).accessDeniedHandler(FORBIDDEN));
        return http.build();
    }

    /**
     * The statistics API: open to anyone when statistics are public (the controller then keeps provisional figures to
     * the roles below), otherwise to the roles that read statistics.
     */
    private static AuthorizationManager<RequestAuthorizationContext> statistics(SecurityProperties properties) {
        return properties.publicStatistics()
                ? (authentication, context) -> new AuthorizationDecision(true)
                : AuthorityAuthorizationManager.hasAnyRole(NATIONAL, ANALYST, REPORTER);
    }

    /** Roles come from the token's {@code roles} claim: reporter, analyst, national, operator, dpo. */
    private static Converter<Jwt, AbstractAuthenticationToken> roles() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList("roles");
            return roles == null
                    ? List.<GrantedAuthority>of()
                    : roles.stream()
                            .<GrantedAuthority>map(
                                    r -> new SimpleGrantedAuthority("ROLE_" + r.toUpperCase(Locale.ROOT)))
                            .toList();
        });
        return converter;
    }

    /** Local development and tests only: HS256 tokens signed with a configured secret. */
    @Bean
    @ConditionalOnExpression("'${platform.security.hmac-secret:}' != ''")
    JwtDecoder hmacJwtDecoder(SecurityProperties properties) {
        byte[] secret = properties.hmacSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new IllegalStateException("platform.security.hmac-secret must have at least 32 bytes");
        }
        return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
    }

    @Bean
    EventContexts eventContexts(Clock clock) {
        return new EventContexts(clock);
    }

    /** The municipality code lists shipped with the platform, in {@code contracts}. */
    @Bean
    @ConditionalOnMissingBean
    CodeLists codeLists() {
        return new CodeLists();
    }

    @Bean
    ReportingUnits reportingUnits(SecurityProperties properties, CodeLists codeLists) {
        return new ReportingUnits(properties, codeLists);
    }

    @Bean
    WebMvcConfigurer reportingUnitParameters(ReportingUnits reportingUnits) {
        ReportingUnitArgumentResolver resolver = new ReportingUnitArgumentResolver(reportingUnits);
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(resolver);
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(resolver);
            }
        };
    }
}
