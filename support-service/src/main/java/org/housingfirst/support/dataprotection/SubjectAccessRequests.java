package org.housingfirst.support.dataprotection;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.domain.PeerUnavailable;
import org.housingfirst.edge.access.AccessLog;
import org.housingfirst.edge.participant.IdentityVault;
import org.housingfirst.edge.participant.ParticipantRef;
import org.housingfirst.edge.participant.SubjectAccess;
import org.housingfirst.edge.security.ReportingUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One subject access export by identity number: this service's part, and the parts of tenancy-service and
 * outcomes-service ({@code platform.peers.*}), each read with the data protection officer's own token, so that each
 * service checks the role and the municipality and logs the read itself. A service that does not answer makes the
 * export fail (503): an export is complete or not given.
 */
@Component
class SubjectAccessRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IdentityVault vault;
    private final SubjectAccess own;
    private final AccessLog accessLog;
    private final Clock clock;
    private final Map<String, URI> peers = new LinkedHashMap<>();
    private final RestClient http;

    SubjectAccessRequests(
            IdentityVault vault,
            SubjectAccess own,
            AccessLog accessLog,
            Clock clock,
            @Value("${platform.peers.tenancy-service:http://127.0.0.1:8081}") URI tenancy,
            @Value("${platform.peers.outcomes-service:http://127.0.0.1:8083}") URI outcomes) {
        this.vault = vault;
        this.own = own;
        this.accessLog = accessLog;
        this.clock = clock;
        peers.put("tenancy-service", tenancy);
        peers.put("outcomes-service", outcomes);
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        requests.setReadTimeout(Duration.ofSeconds(60));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    ObjectNode export(ParticipantRef person, ReportingUnit unit, String authorization, String purpose) {
        ParticipantId participant = vault.requireKnown(person, unit.reportingOrganisation());
        accessLog.read(unit, participant);
        ObjectNode export = JSON.createObjectNode();
        export.put("exportedAt", clock.instant().toString());
        export.put("participantId", participant.value());
        export.put("country", unit.municipality().country());
        export.put("municipality", unit.municipality().code());
        export.put(
                "about",
                "Everything the Housing First outcomes platform holds about this person in this municipality: each"
                        + " service's events, stored records and the log of who read them. Published statistics are"
                        + " aggregates and hold nothing about one person.");
        ArrayNode services = export.putArray("services");
        services.add(own.export(participant, unit));
        peers.forEach((service, base) -> services.add(part(service, base, participant, authorization, purpose)));
        return export;
    }

    private ObjectNode part(String service, URI base, ParticipantId participant, String authorization, String purpose) {
        try {
            RestClient.RequestHeadersSpec<?> request = http.get()
                    .uri(base.resolve("/api/v1/participants/" + participant.value() + "/subject-access"))
                    .header(HttpHeaders.AUTHORIZATION, authorization);
            if (purpose != null) {
                request = request.header(AccessLog.PURPOSE_HEADER, purpose);
            }
            String body = request.retrieve().body(String.class);
            return (ObjectNode) JSON.readTree(body);
        } catch (RestClientException | ClassCastException | tools.jackson.core.JacksonException e) {
            throw new PeerUnavailable(service + " did not give its part of the export; try again later", e);
        }
    }
}
