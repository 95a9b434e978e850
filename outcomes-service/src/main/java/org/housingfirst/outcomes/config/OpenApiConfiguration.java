package org.housingfirst.outcomes.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's description; http-edge adds the bearer scheme and the problem responses. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI outcomesServiceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("outcomes-service")
                        .version("v1")
                        .description("Retention, pathway, quality-of-life and engagement metrics of Housing First"
                                + " programmes, computed from the events of tenancy- and support-service; national"
                                + " statistics tables in the shape of PxWebApi 2.0 with disclosure control; operations"
                                + " (rebuilds, records set aside). Errors are application/problem+json (RFC 9457)."));
    }
}
