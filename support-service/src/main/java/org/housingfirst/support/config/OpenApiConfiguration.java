package org.housingfirst.support.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's description; http-edge adds the bearer scheme and the Idempotency-Key header. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI supportServiceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("support-service")
                        .version("v1")
                        .description("Enrolment, consent, voluntary support (offered, accepted, declined), contacts,"
                                + " quality-of-life and fidelity assessments of Housing First participants."
                                + " Participants are named by identity number or local reference in request bodies"
                                + " only; responses carry participant ids (random, never derived from the number). A data"
                                + " protection officer erases a participant at /api/v1/erasures. Errors are"
                                + " application/problem+json (RFC 9457)."));
    }
}
