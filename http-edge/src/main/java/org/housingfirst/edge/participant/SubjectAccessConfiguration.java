package org.housingfirst.edge.participant;

import java.time.Clock;
import java.util.List;
import org.housingfirst.edge.access.AccessLog;
import org.housingfirst.edge.access.AccessLogConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every service's part of a subject access export, and its endpoint. */
@AutoConfiguration(after = AccessLogConfiguration.class)
public class SubjectAccessConfiguration {

    @Bean
    SubjectAccess subjectAccess(
            JdbcClient jdbc,
            List<SubjectData> stores,
            AccessLog accessLog,
            @Value("${spring.application.name:application}") String service,
            Clock clock) {
        return new SubjectAccess(jdbc, stores, accessLog, service, clock);
    }

    @Bean
    SubjectAccessController subjectAccessController(SubjectAccess subjectAccess, AccessLog accessLog) {
        return new SubjectAccessController(subjectAccess, accessLog);
    }
}
