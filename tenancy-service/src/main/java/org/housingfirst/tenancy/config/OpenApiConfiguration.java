package org.housingfirst.tenancy.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document: bearer JWT, and the optional Idempotency-Key header on every POST. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI tenancyServiceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("tenancy-service")
                        .version("v1")
                        .description("Housing offers, tenancies, risks, temporary absences, endings and"
                                + " sustained-tenancy milestones of Housing First participants. Participants are named"
                                + " by identity number or local reference in request bodies only; responses carry"
                                + " pseudonyms. Errors are application/problem+json (RFC 9457)."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")));
    }

    @Bean
    OpenApiCustomizer idempotencyKeyOnPosts() {
        return api -> api.getPaths().values().stream()
                .filter(path -> path.getPost() != null)
                .forEach(path -> path.getPost()
                        .addParametersItem(new HeaderParameter()
                                .name("Idempotency-Key")
                                .required(false)
                                .description("A retry with the same key returns the first response and stores"
                                        + " nothing twice; the same key with a different body is a 422.")
                                .schema(new StringSchema().maxLength(200))));
    }
}
