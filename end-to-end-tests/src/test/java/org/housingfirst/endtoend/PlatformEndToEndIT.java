package org.housingfirst.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The platform as it runs: the three executable jars as separate processes, each with its own database, sharing one
 * Kafka broker. A tenancy and an enrolment posted over REST reach outcomes-service through Kafka and change its metric.
 */
class PlatformEndToEndIT {

    private static Platform platform;
    private static Map<String, Integer> PORTS;
    private static Api tenancy;
    private static Api support;
    private static Api outcomes;

    @BeforeAll
    static void startPlatform() throws IOException {
        platform = Platform.start();
        PORTS = platform.ports();
        tenancy = platform.api("tenancy-service");
        support = platform.api("support-service");
        outcomes = platform.api("outcomes-service");
    }

    @AfterAll
    static void stopPlatform() {
        platform.stop();
    }

    /* The operations dashboard in deploy/grafana plots only metrics that the running services really export. */
    @Test
    void everyMetricTheOperationsDashboardQueriesIsExported() throws IOException {
        Set<String> wanted = DeployFilesTest.grafanaMetrics();
        Set<String> exported = new TreeSet<>();
        eventually(
                () -> {
                    for (String service : Platform.SERVICES) {
                        for (String line : platform.management(service)
                                .get("/actuator/prometheus", null)
                                .body()
                                .split("\n")) {
                            if (!line.startsWith("#") && !line.isBlank()) {
                                exported.add(line.split("[{ ]")[0]);
                            }
                        }
                    }
                    return exported.containsAll(wanted);
                },
                "every queried metric to be exported");
        assertThat(exported).containsAll(wanted);
    }

    @Test
    void aTenancyPostedToTenancyServiceChangesRetentionInOutcomesService() {
        String token = TestTokens.malmoReporter();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        LocalDate moveIn = today.minusMonths(13);
        Api.Response enrolled = support.post(
                "/api/v1/enrolments",
                token,
                Bodies.enrolment(
                        Bodies.personnummer("19811218-9876"), "malmo-bostad-forst", moveIn.minusMonths(1), 1981));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        Api.Response started =
                tenancy.post("/api/v1/tenancies", token, Bodies.tenancy(Bodies.personnummer("811218-9876"), moveIn));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("participantId").asString())
                .as("one person, one participant id, whichever service and written form")
                .isEqualTo(enrolled.json().get("participantId").asString());

        String retention = "/api/v1/metrics/retention?months=12&asOf=" + today;
        eventually(
                () -> outcomes.get(retention, token)
                                .json()
                                .get("result")
                                .get("eligible")
                                .asInt()
                        == 1,
                "the tenancy to reach outcomes-service");
        assertThat(outcomes.get(retention, token)
                        .json()
                        .get("result")
                        .get("retained")
                        .asInt())
                .isEqualTo(1);

        String tenancyId = started.json().get("tenancyId").asString();
        Api.Response ended = tenancy.post(
                "/api/v1/tenancies/" + tenancyId + "/end",
                token,
                Api.json(Map.of(
                        "endDate", moveIn.plusMonths(2).toString(),
                        "endReason", "EVICTION_RENT_ARREARS",
                        "destinationCategory", "HOMELESS",
                        "initiatedBy", "LANDLORD")));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        eventually(
                () -> outcomes.get(retention, token)
                                .json()
                                .get("result")
                                .get("notRetained")
                                .asInt()
                        == 1,
                "the ending to reach outcomes-service");
        JsonNode figure = outcomes.get(retention, token).json().get("result");
        assertThat(figure.get("retained").asInt()).isZero();
        assertThat(figure.get("rate").asDouble()).isZero();
    }

    /**
     * The OpenAPI documents in {@code docs/api} are the running services' own, so that clients generated from them (see
     * {@code GeneratedClientsIT}) speak to the services as they are. {@code -Dopenapi.update=true} rewrites them.
     */
    @Test
    void theCommittedOpenApiDocumentsAreTheServicesOwn() throws IOException {
        Map<String, Api> services =
                Map.of("tenancy-service", tenancy, "support-service", support, "outcomes-service", outcomes);
        for (Map.Entry<String, Api> service : services.entrySet()) {
            ObjectNode live =
                    (ObjectNode) service.getValue().get("/v3/api-docs", null).json();
            live.remove("servers"); // the random port of this run
            Path file = Path.of("..", "docs", "api", service.getKey() + ".openapi.json");
            if (Boolean.getBoolean("openapi.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(
                        file, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(live) + "\n");
            }
            assertThat(Api.JSON.readTree(Files.readString(file)))
                    .as(file + " differs from the running service's document; run the end-to-end tests with"
                            + " -Dopenapi.update=true and review the change")
                    .isEqualTo(live);
        }
    }

    /*
     * Clients generated from docs/api by openapi-generator (java, native), used as a municipality's system or an agency
     * would use them. Their mappers refuse unknown properties, so a field a service writes and its document does not
     * name fails here, as does a documented type the service does not keep to.
     */
    @Test
    void clientsGeneratedFromTheDocumentsWorkAgainstEveryService() throws Exception {
        String token = TestTokens.malmoReporter();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));

        var supportClient = new org.housingfirst.clients.support.ApiClient();
        supportClient.updateBaseUri("http://127.0.0.1:" + PORTS.get("support-service"));
        supportClient.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        supportClient.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        var supportApi = new org.housingfirst.clients.support.api.SupportApi(supportClient);
        var enrolled = supportApi.enrol(
                new org.housingfirst.clients.support.model.EnrolParticipantRequest()
                        .participant(new org.housingfirst.clients.support.model.ParticipantRef()
                                .scheme(
                                        org.housingfirst.clients.support.model.ParticipantRef.SchemeEnum
                                                .SE_PERSONNUMMER)
                                .value("720506-2313"))
                        .programmeId("malmo-bostad-forst")
                        .enrolledOn(today.minusMonths(3))
                        .referralSource(
                                org.housingfirst.clients.support.model.EnrolParticipantRequest.ReferralSourceEnum
                                        .OUTREACH)
                        .homelessnessSituation(
                                org.housingfirst.clients.support.model.EnrolParticipantRequest.HomelessnessSituationEnum
                                        .SE_1_ACUTE)
                        .homelessnessDuration(
                                org.housingfirst.clients.support.model.EnrolParticipantRequest.HomelessnessDurationEnum
                                        .YEARS_2_TO_5)
                        .birthYear(1972),
                "generated-client-enrol-1");
        assertThat(enrolled.getParticipantId()).matches("[a-z2-7]{52}");
        assertThat(supportApi.summary(enrolled.getParticipantId(), "follow-up").getEnrolments())
                .hasSize(1);

        var tenancyClient = new org.housingfirst.clients.tenancy.ApiClient();
        tenancyClient.updateBaseUri("http://127.0.0.1:" + PORTS.get("tenancy-service"));
        tenancyClient.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        tenancyClient.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        var tenancies = new org.housingfirst.clients.tenancy.api.TenanciesApi(tenancyClient);
        var start = new org.housingfirst.clients.tenancy.model.StartTenancyRequest()
                .participant(new org.housingfirst.clients.tenancy.model.ParticipantRef()
                        .scheme(org.housingfirst.clients.tenancy.model.ParticipantRef.SchemeEnum.SE_PERSONNUMMER)
                        .value("720506-2313"))
                .moveInDate(today.minusMonths(2))
                .contractType(
                        org.housingfirst.clients.tenancy.model.StartTenancyRequest.ContractTypeEnum.FIRST_HAND_LEASE)
                .securityOfTenure(org.housingfirst.clients.tenancy.model.StartTenancyRequest.SecurityOfTenureEnum.FULL)
                .leaseHolder(org.housingfirst.clients.tenancy.model.StartTenancyRequest.LeaseHolderEnum.PARTICIPANT)
                .housingType(org.housingfirst.clients.tenancy.model.StartTenancyRequest.HousingTypeEnum.SCATTERED_SITE)
                .landlordType(
                        org.housingfirst.clients.tenancy.model.StartTenancyRequest.LandlordTypeEnum.PUBLIC_HOUSING)
                .rehousing(false);
        var started = tenancies.startTenancy(start, null);
        assertThat(started.getParticipantId()).isEqualTo(enrolled.getParticipantId());
        assertThat(tenancies
                        .getTenancy(started.getTenancyId(), "uppf%C3%B6ljning")
                        .getMoveInDate())
                .isEqualTo(today.minusMonths(2));
        // a second active tenancy is a documented 409 problem, read with the documented Problem schema
        var conflict = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.housingfirst.clients.tenancy.ApiException.class, () -> tenancies.startTenancy(start, null));
        assertThat(conflict.getCode()).isEqualTo(409);
        var problem = tenancyClient
                .getObjectMapper()
                .readValue(conflict.getResponseBody(), org.housingfirst.clients.tenancy.model.Problem.class);
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getErrors()).isNotEmpty();

        var outcomesClient = new org.housingfirst.clients.outcomes.ApiClient();
        outcomesClient.updateBaseUri("http://127.0.0.1:" + PORTS.get("outcomes-service"));
        outcomesClient.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        outcomesClient.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        var metrics = new org.housingfirst.clients.outcomes.api.MetricsApi(outcomesClient);
        eventually(
                () -> {
                    try {
                        return metrics.stillHoused(today, null).getResult().getHoused() >= 1;
                    } catch (org.housingfirst.clients.outcomes.ApiException e) {
                        throw new IllegalStateException(e);
                    }
                },
                "the tenancy to reach outcomes-service through the generated client");
        assertThat(metrics.retention(12, today, null, null, null, null).getDefinitionVersion())
                .isNotBlank();
        // the operator publishes what the release calendar says is due; the tables serve the releases
        var operatorClient = new org.housingfirst.clients.outcomes.ApiClient();
        operatorClient.updateBaseUri("http://127.0.0.1:" + PORTS.get("outcomes-service"));
        String operator = TestTokens.token("operator", "SE", "1280", "platform-operations");
        operatorClient.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + operator));
        operatorClient.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new org.housingfirst.clients.outcomes.api.OperationsApi(operatorClient).publish(null);
        var statistics = new org.housingfirst.clients.outcomes.api.StatisticsApi(outcomesClient);
        var releases = statistics.releases().getReleases();
        assertThat(releases).isNotEmpty();
        var release = statistics.release(releases.getLast().getId());
        assertThat(release.getTables()).hasSize(14);
        var released =
                statistics.releasedTable(release.getId(), release.getTables().getFirst(), "json-stat2");
        assertThat(released.getExtension().getRelease().get(release.getPeriod()).getId())
                .isEqualTo(release.getId());
        // the statistics API (PxWebApi 2.0), as anyone reads the released tables: without a token
        var anonymous = new org.housingfirst.clients.outcomes.ApiClient();
        anonymous.updateBaseUri("http://127.0.0.1:" + PORTS.get("outcomes-service"));
        anonymous.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        var pxweb = new org.housingfirst.clients.outcomes.api.StatisticsPxWebApi20Api(anonymous);
        assertThat(pxweb.config().getMaxDataCells()).isPositive();
        var list = pxweb.callList("sv", null, null, null, 1, 100);
        assertThat(list.getTables()).hasSize(28);
        String table = list.getTables().getFirst().getId();
        assertThat(pxweb.table(table, "nb").getLanguage()).isEqualTo("nb");
        var metadata = pxweb.metadata(table, "en", "json-stat2", false);
        assertThat(metadata.getVersion()).isEqualTo("2.0");
        assertThat(metadata.getId()).containsExactly("region", "breakdown", "period", "contents");
        assertThat(metadata.getValue()).isEmpty();
        var data = pxweb.data(table, "en", "json-stat2", null);
        assertThat(data.getSize()).hasSize(4);
        assertThat(data.getValue()).hasSize(data.getSize().stream().reduce(1, (a, b) -> a * b));
        var selection = new org.housingfirst.clients.outcomes.model.PxVariablesSelection()
                .selection(List.of(
                        new org.housingfirst.clients.outcomes.model.PxVariableSelection()
                                .variableCode("time")
                                .valueCodes(List.of("top(1)")),
                        new org.housingfirst.clients.outcomes.model.PxVariableSelection()
                                .variableCode("contents")
                                .valueCodes(List.of("rate"))));
        assertThat(pxweb.dataByPost(table, selection, "sv", "json-stat2", null).getSize())
                .containsExactly(1, 1, 1, 1);
    }

    static void eventually(Supplier<Boolean> condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            try {
                if (condition.get()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // the service is still starting
            }
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
