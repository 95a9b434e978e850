package org.housingfirst.tenancy.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's description; http-edge adds the bearer scheme and the Idempotency-Key header. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI tenancyServiceApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("tenancy-service")
                                .version("v1")
                                .description(
                                        "Housing offers, tenancies, risks, temporary absences, endings and"
                                                + " sustained-tenancy milestones of Housing First participants. Participants are named"
                                                + " by identity number or local reference in request bodies only; responses carry"
                                                + " participant ids (random, never derived from the number). Errors are application/problem+json (RFC 9457)."));
    }
}
