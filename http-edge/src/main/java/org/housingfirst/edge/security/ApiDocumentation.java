package org.housingfirst.edge.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.housingfirst.edge.problems.ProblemResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;

/**
 * What every service's OpenAPI document says about the edge, so that a generated client is right about it: the
 * reporting unit comes from the token and is no parameter of any operation (springdoc listed it as a required query
 * object {@code unit}); the {@code bearer} scheme the controllers name is defined; and every operation lists the
 * errors the edge can answer with, as {@code application/problem+json} of one {@code Problem} schema.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDocumentation {

    static final String PROBLEM = "Problem";

    static {
        SpringDocUtils.getConfig()
                .addRequestWrapperToIgnore(ReportingUnit.class)
                .replaceWithSchema(
                        YearMonth.class,
                        new StringSchema().pattern("[0-9]{4}-(0[1-9]|1[0-2])").example("2026-10"));
    }

    @Bean
    OpenApiCustomizer edgeDocumentation() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents()
                    .addSecuritySchemes(
                            "bearer",
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("JWT")
                                    .description("A JWT with the claims roles (reporter, analyst, national, operator),"
                                            + " country (SE or NO), municipality (a code of that country's code list)"
                                            + " and org."));
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            if (api.getPaths() != null) {
                api.getPaths()
                        .forEach((path, item) -> item.readOperationsMap()
                                .forEach((method, operation) -> addErrors(path, method, operation)));
            }
        };
    }

    private static void addErrors(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        List<HttpStatus> errors = new java.util.ArrayList<>(
                List.of(HttpStatus.BAD_REQUEST, HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN));
        if (path.contains("{")) {
            errors.add(HttpStatus.NOT_FOUND);
        }
        if (method == PathItem.HttpMethod.POST) {
            errors.addAll(List.of(
                    HttpStatus.CONFLICT,
                    HttpStatus.CONTENT_TOO_LARGE,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    HttpStatus.UNPROCESSABLE_CONTENT));
        }
        errors.add(HttpStatus.INTERNAL_SERVER_ERROR);
        for (HttpStatus status : errors) {
            responses.computeIfAbsent(
                    String.valueOf(status.value()),
                    code -> new ApiResponse()
                            .description(ProblemResponses.detailFor(status))
                            .content(new Content()
                                    .addMediaType(
                                            org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                            new MediaType()
                                                    .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
        operation.setResponses(responses);
    }

    private static Schema<?> problemSchema() {
        Map<String, Schema> fieldError = new LinkedHashMap<>();
        fieldError.put("field", new StringSchema().description("the field's JSON path, or the parameter's name"));
        fieldError.put("message", new StringSchema());
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().example("about:blank"));
        properties.put("title", new StringSchema());
        properties.put("status", new IntegerSchema());
        properties.put("detail", new StringSchema());
        properties.put("instance", new StringSchema().description("an occurrence id, urn:uuid:..."));
        properties.put("errors", new ArraySchema().items(new ObjectSchema().properties(fieldError)));
        return new ObjectSchema()
                .description("RFC 9457 problem details; errors names each field at fault")
                .properties(properties)
                .required(List.of("type", "title", "status"));
    }
}
