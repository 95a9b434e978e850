package org.housingfirst.edge.access;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.time.Clock;
import java.util.Map;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.housingfirst.domain.BusinessDates;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The access log and its endpoint, in every service that uses the edge. */
@AutoConfiguration
public class AccessLogConfiguration {

    /** The metadata key of the user who recorded an event. */
    public static final String RECORDED_BY = "recordedBy";

    @Bean
    AccessLog accessLog(JdbcClient jdbc, Clock clock) {
        return new AccessLog(jdbc, clock);
    }

    @Bean
    AccessLogController accessLogController(AccessLog log, BusinessDates dates) {
        return new AccessLogController(log, dates);
    }

    /**
     * Every event a request records carries the caller's {@code sub} in its metadata ({@code recordedBy}), beside the
     * organisation and municipality its payload names: kept in the event store, never published (the topics carry the
     * payload only).
     */
    @Bean
    CorrelationDataProvider recordedBy() {
        return message -> {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            return caller == null || !caller.isAuthenticated() ? Map.of() : Map.of(RECORDED_BY, caller.getName());
        };
    }

    /** Describes the purpose header on every {@link AccessLogged} operation and marks it {@code x-access-log}. */
    @Bean
    OperationCustomizer accessLoggedOperations() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(AccessLogged.class)) {
                operation.addParametersItem(new HeaderParameter()
                        .name(AccessLog.PURPOSE_HEADER)
                        .required(false)
                        .description("Why the caller reads this participant's data, kept in the access log: UTF-8,"
                                + " percent-encoded beyond ASCII; 1 to 200 letters, digits, spaces and simple"
                                + " punctuation")
                        .schema(new StringSchema().maxLength(1200)));
                operation.addExtension("x-access-log", true);
            }
            return operation;
        };
    }
}
