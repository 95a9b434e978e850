package org.housingfirst.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.housingfirst.outcomes.TestEvents.ended;
import static org.housingfirst.outcomes.TestEvents.pseudonym;
import static org.housingfirst.outcomes.TestEvents.started;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.housingfirst.contracts.ContractEvent;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.support.AssessmentTimepoint;
import org.housingfirst.contracts.support.HomelessnessSituation;
import org.housingfirst.contracts.support.ParticipantEnrolled;
import org.housingfirst.contracts.support.Sex;
import org.housingfirst.contracts.tenancy.ContractType;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.contracts.tenancy.TenancyEvents;
import org.housingfirst.outcomes.statistics.JsonStatCheck;
import org.housingfirst.outcomes.statistics.PxWebApiSpec;
import org.housingfirst.outcomes.statistics.ReferenceTables;
import org.housingfirst.outcomes.statistics.TableFiles;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.IntegrationTestConfiguration;
import org.housingfirst.testbackends.ServiceIntegrationTest;
import org.housingfirst.testbackends.TestTokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The statistics API as PxWebApi 2.0's clients use it. The JSON-stat JavaScript toolkit (npm's jsonstat-toolkit, run
 * by node) reads every table, and what it understood is compared cell by cell with the API's CSV, xlsx (read with
 * Apache POI) and PC-Axis; R pxweb's request sequence (config, tables, metadata, POST data) is answered as the
 * specification (PxTools/PxApiSpecs, PxAPI-2.yml) says; released tables are public, provisional ones are not; the
 * limits hold; and every word comes in English, Swedish and Norwegian.
 *
 * <p>The population: 200 participants in six Swedish municipalities, moved in from 2023 to 2025, one in four out again
 * by 2026-03-01, on topics of this test's own (Norway's tables are empty). Releases are published from 2025Q3 (the first
 * period here) through 2026Q2;
 * with a release lag of 60 days, 2026Q3 (reference date 2026-09-30) is due on 2026-11-30, after the test clock's
 * 2026-11-24, so it is provisional.
 */
@TestPropertySource(
        properties = {
            "platform.statistics.first-period=2025Q3",
            "platform.statistics.release-lag=P60D",
            "platform.statistics.max-data-cells=40000"
        })
class PxWebApiIT extends ServiceIntegrationTest {

    /* The population's municipalities; the topics are the test's own. */
    private static final String[] MUNICIPALITIES = {"2580", "2380", "1980", "0680", "0780", "1780"};
    private static final String OPERATOR = TestTokens.token("operator", "SE", "1280", "platform-operations");
    private static final Path NODE_TOOLS = Path.of("..", "fuzz");

    private final HttpClient http = HttpClient.newHttpClient();

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.context.ApplicationContext context;

    /** Topics of its own: the tables hold this population alone, whatever ran before on the broker. */
    private static final String TOPICS = "pxwebapi-it.";

    @org.springframework.test.context.DynamicPropertySource
    static void ownTopics(org.springframework.test.context.DynamicPropertyRegistry registry) {
        TestEvents.consumeOwnTopics(registry, TOPICS);
    }

    @Override
    protected String topicName() {
        return TOPICS + TenancyEvents.TOPIC;
    }

    @BeforeAll
    void publishPopulation() {
        Random random = new Random(20261201);
        Sex[] sexes = {Sex.FEMALE, Sex.MALE, Sex.OTHER, null};
        List<ContractEvent> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Municipality municipality =
                    new Municipality("SE", MUNICIPALITIES[random.nextInt(MUNICIPALITIES.length)], "SCB-2025");
            String participant = pseudonym(municipality, i);
            LocalDate moveIn = LocalDate.parse("2023-01-01").plusDays(random.nextInt(1090));
            UUID tenancy = UUID.randomUUID();
            events.add(TestEvents.enrolled(
                    municipality,
                    participant,
                    moveIn.minusDays(20),
                    TestEvents.RECORDED,
                    1950 + random.nextInt(50),
                    sexes[random.nextInt(sexes.length)]));
            events.add(started(municipality, participant, tenancy, moveIn.toString()));
            if (random.nextInt(4) == 0) {
                events.add(ended(municipality, participant, tenancy, "2026-03-01", EndReason.EVICTION_RENT_ARREARS));
            }
        }
        events.addAll(pitea());
        TestEvents.publishAll(jdbc, events, TOPICS);
        assertThat(new Api(port)
                        .post("/api/v1/operations/releases", OPERATOR, "")
                        .status())
                .isEqualTo(200);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // The indicators of enrolments, leases and support, from the events (docs/metrics.md, HF06-HF10)

    private static final Municipality PITEA = new Municipality("SE", "2581", "SCB-2025");

    /*
     * Five people in Piteå (2581), for 2026Q2 (1 April to 30 June 2026):
     * Q1 enrolled 10 April (acute homelessness), moved in 1 May on a second-hand contract, converted to a first-hand lease
     *    1 June; support from 1 May, a contact 15 May.
     * Q2 enrolled in 2025, on a first-hand lease since 1 February 2025; support since then, one missed contact 20 June.
     * Q3 enrolled 1 June (long-term housing solution), not housed yet.
     * Q4 housed in 2024 on a second-hand contract, evicted 1 March 2026; support ended 1 February 2026.
     * Q5 enrolled in 2025 (institution), moved in 1 October 2025 on a second-hand contract, converted 15 July 2026 (after
     *    the quarter); support from 1 October 2025 to 15 April 2026, a contact 2 April.
     */
    private static List<ContractEvent> pitea() {
        List<ContractEvent> events = new ArrayList<>();
        String[] q = new String[6];
        for (int i = 1; i <= 5; i++) {
            q[i] = pseudonym(PITEA, 90 + i);
        }
        UUID[] tenancy = {null, UUID.randomUUID(), UUID.randomUUID(), null, UUID.randomUUID(), UUID.randomUUID()};
        UUID[] episode = {null, UUID.randomUUID(), UUID.randomUUID(), null, UUID.randomUUID(), UUID.randomUUID()};
        events.add(enrolment(q[1], "2026-04-10", HomelessnessSituation.SE_1_ACUTE));
        events.add(started(PITEA, q[1], tenancy[1], "2026-05-01", ContractType.SECOND_HAND_SOCIAL));
        events.add(TestEvents.converted(PITEA, q[1], tenancy[1], "2026-06-01", ContractType.SECOND_HAND_SOCIAL));
        events.add(TestEvents.episode(PITEA, q[1], episode[1], "2026-05-01"));
        events.add(TestEvents.contact(PITEA, q[1], episode[1], "2026-05-15", false));

        events.add(enrolment(q[2], "2025-01-10", HomelessnessSituation.SE_1_ACUTE));
        events.add(started(PITEA, q[2], tenancy[2], "2025-02-01"));
        events.add(TestEvents.episode(PITEA, q[2], episode[2], "2025-02-01"));
        events.add(TestEvents.contact(PITEA, q[2], episode[2], "2026-06-20", true));

        events.add(enrolment(q[3], "2026-06-01", HomelessnessSituation.SE_3_LONG_TERM_HOUSING_SOLUTION));

        events.add(enrolment(q[4], "2024-05-01", HomelessnessSituation.SE_1_ACUTE));
        events.add(started(PITEA, q[4], tenancy[4], "2024-06-01", ContractType.SECOND_HAND_SOCIAL));
        events.add(ended(PITEA, q[4], tenancy[4], "2026-03-01", EndReason.EVICTION_RENT_ARREARS));
        events.add(TestEvents.episode(PITEA, q[4], episode[4], "2024-06-01"));
        events.add(TestEvents.episodeEnded(PITEA, q[4], episode[4], "2026-02-01"));

        events.add(enrolment(q[5], "2025-09-01", HomelessnessSituation.SE_2_INSTITUTION_OR_SUPPORTED_HOUSING));
        events.add(started(PITEA, q[5], tenancy[5], "2025-10-01", ContractType.SECOND_HAND_SOCIAL));
        events.add(TestEvents.converted(PITEA, q[5], tenancy[5], "2026-07-15", ContractType.SECOND_HAND_SOCIAL));
        events.add(TestEvents.episode(PITEA, q[5], episode[5], "2025-10-01"));
        events.add(TestEvents.episodeEnded(PITEA, q[5], episode[5], "2026-04-15"));
        events.add(TestEvents.contact(PITEA, q[5], episode[5], "2026-04-02", false));
        // WHOQOL-BREF at baseline and 12 months: Q1, Q2 and Q4 (housed by 30 June) count; Q3, never housed, does not
        for (int i : new int[] {1, 2, 3, 4}) {
            events.add(TestEvents.assessed(
                    PITEA, q[i], LocalDate.parse("2025-01-20"), WHOQOL, AssessmentTimepoint.BASELINE, whoqol(50)));
            events.add(TestEvents.assessed(
                    PITEA, q[i], LocalDate.parse("2026-01-20"), WHOQOL, AssessmentTimepoint.MONTH_12, whoqol(60)));
        }
        // Piteå's programme, assessed on the shipped Pathways scale on 1 March 2026 (115 of 152), and on 1 May 2026 on
        // a scale of its own, which the national table leaves out
        events.add(fidelity("PATHWAYS_HF", "PHF-38-2013", "2026-03-01", 115));
        events.add(fidelity("OTHER", "local-1", "2026-05-01", 30));
        return events;
    }

    /*
     * The counts behind Piteå's cells in 2026Q2, before disclosure control (which hides them all: fewer than five
     * persons): housed on 30 June Q1, Q2, Q5 (HF06 3); enrolled in the quarter Q1 (acute) and Q3 (long-term
     * solution) (HF07 2); of the housed, Q1 and Q2 on a first-hand lease on 30 June (HF08 2 of 3); a conversion in the
     * quarter Q1 (HF09 1); in support during the quarter Q1, Q2, Q5, with a completed contact Q1 and Q5 (HF10 2 of 3;
     * Q4's support ended before it); one programme with a current Pathways assessment (HF11 1; the assessment on a
     * scale of its own is left out); WHOQOL-BREF pairs of Q1, Q2 and Q4, housed by the reference date (HF12 3; Q3's
     * pair is not counted). Served, every one of these cells is suppressed.
     */
    @Test
    void theIndicatorsOfEnrolmentsLeasesAndSupportCountTheEvents() {
        java.util.Map<String, long[]> expected = new java.util.LinkedHashMap<>();
        expected.put("HF06_SE|TOTAL", new long[] {0, 3});
        expected.put("HF07_SE|TOTAL", new long[] {0, 2});
        expected.put("HF07_SE|SITUATION:SE_1_ACUTE", new long[] {0, 1});
        expected.put("HF07_SE|SITUATION:SE_3_LONG_TERM_HOUSING_SOLUTION", new long[] {0, 1});
        expected.put("HF07_SE|SITUATION:SE_2_INSTITUTION_OR_SUPPORTED_HOUSING", new long[] {0, 0});
        expected.put("HF08_SE|TOTAL", new long[] {2, 3});
        expected.put("HF09_SE|TOTAL", new long[] {0, 1});
        expected.put("HF10_SE|TOTAL", new long[] {2, 3});
        expected.put("HF11_SE|TOTAL", new long[] {0, 1});
        expected.put("HF12_SE|TOTAL", new long[] {0, 3});
        expected.put("HF11_SE|ASSESSOR:EXTERNAL", new long[] {0, 1});
        expected.forEach((cell, counts) -> {
            String[] key = cell.split("\\|");
            assertThat(ReferenceTables.counts(context, key[0], "2026Q2", "2581", key[1]))
                    .as(cell)
                    .containsExactly(counts);
        });
        for (String table : List.of("HF06_SE", "HF07_SE", "HF08_SE", "HF09_SE", "HF10_SE", "HF11_SE", "HF12_SE")) {
            JsonNode data = json(api.get(
                    "/api/v2/tables/" + table + "/data?valuecodes[region]=2581&valuecodes[breakdown]=TOTAL"
                            + "&valuecodes[period]=2026Q2&valuecodes[contents]=*",
                    null));
            assertThat(data.get("status").get("0").asString()).as(table).isEqualTo(":");
        }
    }

    private static final String WHOQOL = "WHOQOL-BREF-SV-1998";

    private static Map<String, Double> whoqol(double score) {
        return Map.of("physical_100", score, "psychological_100", score, "social_100", score, "environment_100", score);
    }

    private static org.housingfirst.contracts.support.FidelityAssessed fidelity(
            String scale, String version, String on, int total) {
        LocalDate day = LocalDate.parse(on);
        int maximum = scale.equals("PATHWAYS_HF") ? 152 : 40;
        Map<String, Integer> items = Map.of("I1", 3);
        Map<String, Double> domains = new java.util.LinkedHashMap<>();
        for (String domain : List.of(
                "housing_process_and_structure",
                "separation_of_housing_and_services",
                "service_philosophy",
                "service_array",
                "program_structure")) {
            domains.put(domain, 3.0);
        }
        return new org.housingfirst.contracts.support.FidelityAssessed(
                UUID.randomUUID(),
                "org",
                PITEA,
                day,
                TestEvents.recordedFor(day),
                "pitea-bostad-forst",
                UUID.randomUUID(),
                org.housingfirst.contracts.support.FidelityScale.valueOf(scale),
                version,
                org.housingfirst.contracts.support.AssessorType.EXTERNAL,
                items,
                domains,
                total,
                Math.round(total * 10000.0 / maximum) / 100.0);
    }

    private static ParticipantEnrolled enrolment(String participant, String on, HomelessnessSituation situation) {
        LocalDate day = LocalDate.parse(on);
        return TestEvents.enrolled(PITEA, participant, day, TestEvents.recordedFor(day), 1975, Sex.FEMALE, situation);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // The JSON-stat toolkit, and every format against the CSV

    /*
     * Every table, as anyone may read it: every region, breakdown and content of the newest released quarter. The
     * toolkit's reading of the JSON-stat document must be the CSV's, and so must the workbook and the PC-Axis file.
     */
    @Test
    void theJsonStatToolkitReadsEveryTableAndEveryFormatHoldsTheSameCells() throws Exception {
        assumeNode();
        JsonNode list = json(api.get("/api/v2/tables?pageSize=100", null));
        assertThat(list.get("tables").size()).isEqualTo(28);
        int suppressed = 0;
        int split = 0;
        for (JsonNode table : list.get("tables")) {
            String id = table.get("id").asString();
            // a table of many contents is read in parts of at most four, within the 40,000 cells a request may hold,
            // as a client splits a selection beyond maxDataCells
            List<String> all =
                    JsonStatCheck.codes(json(api.get("/api/v2/tables/" + id + "/metadata", null)), "contents");
            List<List<String>> parts = new ArrayList<>();
            for (int from = 0; from < all.size(); from += 4) {
                parts.add(all.subList(from, Math.min(all.size(), from + 4)));
            }
            split += parts.size() > 1 ? 1 : 0;
            for (List<String> part : parts) {
                suppressed += everyFormat(id, part);
            }
        }
        assertThat(split)
                .as("tables read in parts: HF11 and HF12 of each country")
                .isEqualTo(4);
        assertThat(suppressed)
                .as("suppressed cells that kept their status through the toolkit")
                .isGreaterThan(50);

        // metadata: the toolkit reads the dimensions, and finds no values in the empty sparse value object
        JsonNode metadata =
                toolkit(api.get("/api/v2/tables/HF02_SE/metadata", null).body());
        assertThat(metadata.get("cells").isNull()).isTrue();
        assertThat(metadata.get("dimensions").get(0).get("categories").size()).isEqualTo(1 + 21 + 290);
        assertThat(api.get("/api/v2/tables/HF02_SE/metadata", null).body()).doesNotContain("\"value\":null");
    }

    /**
     * One table's newest released quarter, every region and breakdown and the given contents, through the toolkit and
     * in every format; returns how many suppressed cells kept their status.
     */
    private int everyFormat(String id, List<String> contents) throws Exception {
        String data = "/api/v2/tables/" + id + "/data?valuecodes[region]=*&valuecodes[breakdown]=*"
                + "&valuecodes[period]=top(1)&valuecodes[contents]=" + String.join(",", contents);
        Api.Response jsonStat = api.get(data, null);
        assertThat(jsonStat.status()).as(id + ": " + jsonStat.body()).isEqualTo(200);
        JsonNode toolkit = toolkit(jsonStat.body());
        List<List<String>> csv =
                TableFiles.csv(api.get(data + "&outputFormat=csv", null).body(), ',');
        int suppressed = sameCells(id, toolkit, csv);

        byte[] workbook = bytes(data + "&outputFormat=xlsx", null);
        assertThat(TableFiles.sheets(workbook)).containsExactly(id, "notes");
        List<List<String>> sheet = TableFiles.xlsx(workbook);
        assertThat(sheet).as(id + " xlsx").hasSameSizeAs(csv);
        for (int row = 0; row < csv.size(); row++) {
            List<String> expected =
                    csv.get(row).stream().map(TableFiles::number).toList();
            assertThat(sheet.get(row).stream().map(TableFiles::number).toList())
                    .as(id + " xlsx row " + row)
                    .isEqualTo(row == 0 ? sheet.get(0) : expected);
        }

        TableFiles.Px px = TableFiles.px(bytes(data + "&outputFormat=px", null));
        List<String> csvCells = new ArrayList<>();
        csv.subList(1, csv.size()).forEach(r -> csvCells.addAll(r.subList(6, 6 + contents.size())));
        assertThat(px.data())
                .as(id + " px")
                .isEqualTo(csvCells.stream()
                        .map(v -> v.equals(":") ? ".." : TableFiles.number(v))
                        .toList());
        assertThat(px.keywords().get("MATRIX")).containsExactly(id);
        assertThat(px.keywords().get("DATASYMBOL2")).containsExactly(":");
        assertThat(px.keywords().get("CODES(\"region\")"))
                .hasSize(toolkit.get("size").get(0).asInt());
        assertThat(px.keywords().get("STUB"))
                .containsExactly("region", "breakdown", "quarter (reference date: its last day)");
        return suppressed;
    }

    /** Compares the toolkit's cells with the CSV's: codes, labels, values and status; returns the suppressed count. */
    private static int sameCells(String id, JsonNode toolkit, List<List<String>> csv) {
        List<String> header = csv.getFirst();
        JsonNode dimensions = toolkit.get("dimensions");
        // rate tables have numerator, denominator and rate; tables of counts the count; tables of means more
        List<String> contents = dimensions
                .get(3)
                .get("categories")
                .valueStream()
                .map(c -> c.get("code").asString())
                .toList();
        assertThat(contents)
                .allMatch(c -> c.matches("numerator|denominator|rate|count|programmes|(mean|lower|upper):\\w+"));
        List<String> expectedHeader = new ArrayList<>(
                List.of("region", "region_label", "breakdown", "breakdown_label", "period", "period_label"));
        expectedHeader.addAll(contents);
        expectedHeader.add("status");
        assertThat(header).containsExactlyElementsOf(expectedHeader);
        int width = contents.size();
        assertThat(dimensions.valueStream().map(d -> d.get("id").asString()))
                .containsExactly("region", "breakdown", "period", "contents");
        assertThat(dimensions.get(0).get("role").asString()).isEqualTo("geo");
        assertThat(dimensions.get(2).get("role").asString()).isEqualTo("time");
        List<List<String>> rows = csv.subList(1, csv.size());
        for (int d = 0; d < 3; d++) {
            // labels need not be unique (Oslo is a county and a municipality): each code's label, in code order
            java.util.Map<String, String> labelled = new java.util.LinkedHashMap<>();
            for (List<String> row : rows) {
                labelled.putIfAbsent(row.get(2 * d), row.get(2 * d + 1));
            }
            Set<String> codes = labelled.keySet();
            List<String> labels = List.copyOf(labelled.values());
            JsonNode categories = dimensions.get(d).get("categories");
            assertThat(categories
                            .valueStream()
                            .map(c -> c.get("code").asString())
                            .toList())
                    .as(id + " " + dimensions.get(d).get("id"))
                    .containsExactlyElementsOf(codes);
            assertThat(categories
                            .valueStream()
                            .map(c -> c.get("label").asString())
                            .toList())
                    .containsExactlyElementsOf(labels);
        }
        JsonNode cells = toolkit.get("cells");
        assertThat(cells.size()).isEqualTo(rows.size() * width);
        int suppressed = 0;
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int x = 0; x < width; x++) {
                JsonNode cell = cells.get(r * width + x);
                String csvValue = row.get(6 + x);
                String status =
                        cell.get("status").isNull() ? null : cell.get("status").asString();
                String at = id + " row " + r + " content " + x;
                if (csvValue.equals(":") || csvValue.equals(".")) {
                    assertThat(cell.get("value").isNull()).as(at).isTrue();
                    assertThat(status).as(at).isEqualTo(csvValue);
                    suppressed += csvValue.equals(":") ? 1 : 0;
                } else {
                    assertThat(TableFiles.number(cell.get("value").asString()))
                            .as(at)
                            .isEqualTo(TableFiles.number(csvValue));
                    assertThat(status == null ? "" : status).as(at).isEqualTo(row.get(6 + width));
                }
            }
        }
        return suppressed;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // R pxweb's request sequence

    /*
     * pxweb (rOpenGov/pxweb) finds a v2 API by the "v2" in its path, reads /config beside it for the limits, lists and
     * searches /tables, reads a table's /metadata, and POSTs the selection to /data with lang and outputFormat in the
     * URL and any code list as codelist[variable] and outputValues[variable] beside the body. No token: the tables are
     * released. Each answer is checked against the specification.
     */
    @Test
    void rPxwebsRequestSequenceIsAnsweredAsTheSpecificationSays() {
        JsonNode config = json(api.get("/api/v2/config", null));
        PxWebApiSpec.config(config);
        assertThat(config.get("maxDataCells").asInt()).isEqualTo(40000);
        assertThat(config.get("maxCallsPerTimeWindow").asInt()).isEqualTo(statisticsCalls());
        assertThat(config.get("timeWindow").asInt()).isEqualTo(10);
        assertThat(config.get("dataFormats").valueStream().map(JsonNode::asString))
                .containsExactly("json-stat2", "csv", "xlsx", "px");
        assertThat(config.get("languages").valueStream().map(l -> l.get("id").asString()))
                .containsExactly("en", "sv", "nb");

        JsonNode tables = json(api.get("/api/v2/tables?lang=sv&query=kvarboende%2012", null));
        PxWebApiSpec.tables(tables);
        assertThat(tables.get("language").asString()).isEqualTo("sv");
        assertThat(tables.get("tables").valueStream().map(t -> t.get("id").asString()))
                .containsExactly("HF02_SE", "HF04_SE", "HF02_NO", "HF04_NO");
        JsonNode table = tables.get("tables").get(0);
        assertThat(table.get("lastPeriod").asString()).isEqualTo("2026Q2");
        assertThat(table.get("firstPeriod").asString()).isEqualTo("2025Q3");

        JsonNode metadata = json(api.get("/api/v2/tables/HF02_SE/metadata?lang=sv", null));
        PxWebApiSpec.dataset(metadata);
        assertThat(metadata.get("value").isObject() && metadata.get("value").isEmpty())
                .isTrue();
        JsonNode dimensions = metadata.get("dimension");
        assertThat(dimensions.get("region").get("extension").get("elimination").asBoolean())
                .isTrue();
        assertThat(dimensions
                        .get("region")
                        .get("extension")
                        .get("eliminationValueCode")
                        .asString())
                .isEqualTo("SE");
        assertThat(dimensions.get("period").get("extension").get("elimination").asBoolean())
                .isFalse();
        assertThat(dimensions
                        .get("contents")
                        .get("extension")
                        .get("elimination")
                        .asBoolean())
                .isFalse();
        assertThat(dimensions
                        .get("region")
                        .get("extension")
                        .get("codeLists")
                        .valueStream()
                        .map(c -> c.get("id").asString()))
                .containsExactly("vs_SE_country", "vs_SE_county", "vs_SE_municipality");
        assertThat(metadata.get("extension").get("px").get("language").asString())
                .isEqualTo("sv");

        String body = """
                {"selection":[
                  {"variableCode":"region","valueCodes":["*"]},
                  {"variableCode":"breakdown","valueCodes":["TOTAL"]},
                  {"variableCode":"period","valueCodes":["2026Q2"]},
                  {"variableCode":"contents","valueCodes":["numerator","denominator","rate"]}]}""";
        Api.Response data = api.post(
                "/api/v2/tables/HF02_SE/data?lang=sv&outputFormat=json-stat2"
                        + "&codelist[region]=vs_SE_county&outputValues[region]=aggregated",
                null,
                body);
        JsonNode dataset = json(data);
        assertThat(data.header("Content-Type")).startsWith("application/json");
        PxWebApiSpec.dataset(dataset);
        // the county value set: the 21 counties, each with the three contents
        assertThat(dataset.get("size").valueStream().map(JsonNode::asInt)).containsExactly(21, 1, 1, 3);
        assertThat(dataset.get("value").size()).isEqualTo(63);
        assertThat(dataset.get("dimension")
                        .get("breakdown")
                        .get("category")
                        .get("label")
                        .get("TOTAL")
                        .asString())
                .isEqualTo("Totalt");
        // the same selection by GET gives the same dataset
        JsonNode byGet = json(api.get(
                "/api/v2/tables/HF02_SE/data?lang=sv&valuecodes[region]=*&codelist[region]=vs_SE_county"
                        + "&valuecodes[breakdown]=TOTAL&valuecodes[period]=2026Q2&valuecodes[contents]=*",
                null));
        assertThat(byGet.get("value")).isEqualTo(dataset.get("value"));
        assertThat(byGet.get("status")).isEqualTo(dataset.get("status"));
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Public and provisional

    @Test
    void releasedTablesArePublicAndProvisionalQuartersNeedAStatisticsRole() {
        JsonNode anonymous = json(api.get("/api/v2/tables/HF05_SE/metadata", null));
        assertThat(anonymous
                        .get("dimension")
                        .get("period")
                        .get("category")
                        .get("index")
                        .propertyNames())
                .containsExactly("2025Q3", "2025Q4", "2026Q1", "2026Q2");
        String provisional = "/api/v2/tables/HF05_SE/data?valuecodes[period]=2026Q3&valuecodes[contents]=*";
        Api.Response refused = api.get(provisional, null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.post(
                                "/api/v2/tables/HF05_SE/data",
                                null,
                                "{\"selection\":[{\"variableCode\":\"time\",\"valueCodes\":[\"2026q3\"]},"
                                        + "{\"variableCode\":\"contents\",\"valueCodes\":[\"*\"]}]}")
                        .status())
                .isEqualTo(401);
        assertThat(api.get(provisional, OPERATOR).status()).isEqualTo(403);
        // a wildcard reaches only what the caller may read
        JsonNode all =
                json(api.get("/api/v2/tables/HF05_SE/data?valuecodes[period]=*&valuecodes[contents]=rate", null));
        assertThat(all.get("dimension")
                        .get("period")
                        .get("category")
                        .get("index")
                        .propertyNames())
                .doesNotContain("2026Q3");
        assertThat(json(api.get("/api/v2/tables?pageSize=100", null))
                        .get("tables")
                        .get(4)
                        .get("lastPeriod")
                        .asString())
                .isEqualTo("2026Q2");

        // the roles that read statistics see the provisional quarter, every figure marked p
        for (String token : List.of(TestTokens.national(), TestTokens.malmoAnalyst())) {
            JsonNode dataset = json(api.get(provisional + "&valuecodes[region]=*&valuecodes[breakdown]=*", token));
            JsonNode values = dataset.get("value");
            int marked = 0;
            for (int i = 0; i < values.size(); i++) {
                String status = dataset.get("status").path(String.valueOf(i)).asString(null);
                if (values.get(i).isNull()) {
                    assertThat(status).isIn(":", ".");
                } else {
                    assertThat(status).isEqualTo("p");
                    marked++;
                }
            }
            assertThat(marked).isGreaterThan(0);
            assertThat(dataset.get("note").toString()).contains("p: provisional");
            JsonNode metadata = json(api.get("/api/v2/tables/HF05_SE/metadata", token));
            JsonNode period = metadata.get("dimension").get("period").get("category");
            assertThat(period.get("index").propertyNames()).contains("2026Q3");
            assertThat(period.get("note").propertyNames()).containsExactly("2026Q3");
        }
        assertThat(json(api.get("/api/v2/tables?pageSize=100", TestTokens.national()))
                        .get("tables")
                        .get(4)
                        .get("lastPeriod")
                        .asString())
                .isEqualTo("2026Q3");
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Limits

    /* One client's calls beyond maxCallsPerTimeWindow are a 429 with Retry-After; another client is not held up. */
    @Test
    void aClientOverTheCallLimitGets429WithRetryAfter() {
        String client = TestTokens.signed(
                TestTokens.claims("national", "SE", "1280", "scb")
                        .subject("rate-limited-client")
                        .build(),
                TestTokens.SECRET);
        Api.Response last = null;
        int served = 0;
        for (int i = 0; i <= statisticsCalls(); i++) {
            last = api.get("/api/v2/config", client);
            if (last.status() == 200) {
                served++;
            } else {
                break;
            }
        }
        assertThat(served).isBetween(1, statisticsCalls());
        assertThat(last.status()).isEqualTo(429);
        assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 10);
        assertThat(last.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/api/v2/config", null).status()).isEqualTo(200);
    }

    @Test
    void aSelectionOfMoreCellsThanTheLimitIs403() {
        // 312 Swedish regions, every breakdown, four quarters, three contents: far more than 40,000 cells
        Api.Response tooMany = api.get(
                "/api/v2/tables/HF02_SE/data?valuecodes[region]=*&valuecodes[breakdown]=*&valuecodes[period]=*"
                        + "&valuecodes[contents]=*",
                null);
        assertThat(tooMany.status()).isEqualTo(403);
        assertThat(tooMany.body()).contains("40000");
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Selections

    @Test
    void selectionExpressionsResolveAsPxWebApiResolvesThem() {
        String base = "/api/v2/tables/HF02_SE/data?valuecodes[contents]=rate&valuecodes[period]=";
        // codes in any case, a prefix wildcard, the time alias
        JsonNode skane = json(api.get(base + "2026Q2&valuecodes[REGION]=12*", null));
        List<String> regions = List.copyOf(skane.get("dimension")
                .get("region")
                .get("category")
                .get("index")
                .propertyNames());
        assertThat(regions)
                .startsWith("12", "1214")
                .allMatch(code -> code.startsWith("12"))
                .hasSize(34);
        assertThat(codes(api.get(base + "top(2)&valuecodes[region]=se", null), "period"))
                .containsExactly("2026Q1", "2026Q2");
        assertThat(codes(api.get(base + "bottom(1)&valuecodes[region]=SE", null), "period"))
                .containsExactly("2025Q3");
        assertThat(codes(api.get(base + "top(1,1)&valuecodes[region]=SE", null), "period"))
                .containsExactly("2026Q1");
        assertThat(codes(api.get(base + "range(2025Q4,2026Q1)&valuecodes[region]=SE", null), "period"))
                .containsExactly("2025Q4", "2026Q1");
        assertThat(codes(api.get(base + "from(2026Q1)&valuecodes[region]=SE", null), "period"))
                .containsExactly("2026Q1", "2026Q2");
        assertThat(codes(api.get(base + "2026Q2&valuecodes[region]=128?", null), "region"))
                .containsExactly("1280", "1281", "1282", "1283", "1284", "1285", "1286", "1287");
        assertThat(codes(api.get(base + "2026Q2&valuecodes[region]=*80", null), "region"))
                .contains("0180", "1280", "1480", "1880");
        assertThat(codes(
                        api.get("/api/v2/tables/HF02_SE/data?valuecodes[contents]=rate&valuecodes[time]=top(1)", null),
                        "period"))
                .containsExactly("2026Q2");
        // left out, region and breakdown are eliminated: the country and TOTAL
        JsonNode eliminated = json(api.get(base + "2026Q2", null));
        assertThat(eliminated.get("size").valueStream().map(JsonNode::asInt)).containsExactly(1, 1, 1, 1);
        assertThat(codes(api.get(base + "2026Q2", null), "region")).containsExactly("SE");

        // and what is wrong is a 400 naming the parameter
        assertBadRequest(
                api.get("/api/v2/tables/HF02_SE/data?valuecodes[region]=SE&valuecodes[period]=2026Q2", null),
                "valuecodes[contents]");
        assertBadRequest(api.get(base + "2026Q2&valuecodes[region]=99*", null), "valuecodes[region]");
        assertBadRequest(api.get(base + "2026Q2&valuecodes[region]=1*2*", null), "valuecodes[region]");
        assertBadRequest(api.get(base + "top(0)", null), "valuecodes[period]");
        assertBadRequest(
                api.get(base + "2026Q2&valuecodes[region]=*&codelist[region]=agg_NUTS2", null), "codelist[region]");
        assertBadRequest(api.get(base + "2026Q2&valuecodes[colour]=red", null), "valuecodes[colour]");
        assertBadRequest(api.get(base + "2026Q2&lang=de", null), "lang");
        assertBadRequest(api.get(base + "2026Q2&outputFormat=parquet", null), "outputFormat");
        assertBadRequest(api.post("/api/v2/tables/HF02_SE/data", null, "{\"selection\":[]}"), "selection");
        assertBadRequest(
                api.post("/api/v2/tables/HF02_SE/data", null, "{\"selection\":[{\"variableCode\":\"period\"}]}"),
                "valueCodes");
        // an identity number sent as a code is never echoed
        Api.Response personnummer = api.get(base + "2026Q2&valuecodes[region]=19121212-1212", null);
        assertThat(personnummer.status()).isEqualTo(400);
        assertThat(personnummer.body()).doesNotContain("19121212");
        assertThat(api.get("/api/v2/tables/HF99_SE/data", null).status()).isEqualTo(404);
    }

    @Test
    void tablesArePagedAndSearchedAndCodeListsAndTheDefaultSelectionAreServed() {
        JsonNode first = json(api.get("/api/v2/tables?pageSize=3", null));
        PxWebApiSpec.tables(first);
        assertThat(first.get("page").get("totalElements").asInt()).isEqualTo(28);
        assertThat(first.get("page").get("totalPages").asInt()).isEqualTo(10);
        assertThat(first.get("page").get("links").toString())
                .contains("pageNumber=2")
                .doesNotContain("previous");
        JsonNode last = json(api.get("/api/v2/tables?pageSize=3&pageNumber=10", null));
        assertThat(last.get("tables").size()).isEqualTo(1);
        assertThat(last.get("tables").get(0).get("id").asString()).isEqualTo("HF14_NO");
        assertBadRequest(api.get("/api/v2/tables?pageSize=3&pageNumber=11", null), "pageNumber");
        assertBadRequest(api.get("/api/v2/tables?pageSize=0", null), "pageSize");
        assertThat(json(api.get("/api/v2/tables?query=first-tenancy", null))
                        .get("tables")
                        .size())
                .isEqualTo(2);
        assertThat(json(api.get("/api/v2/tables?query=bostabilitet&lang=nb", null))
                        .get("tables")
                        .size())
                .isEqualTo(8);
        assertThat(json(api.get("/api/v2/tables?query=bostedsløshetssituasjon&lang=nb", null))
                        .get("tables")
                        .size())
                .isEqualTo(2);
        assertThat(json(api.get("/api/v2/tables?pastDays=1&pageSize=100", null))
                        .get("tables")
                        .size())
                .isEqualTo(28);
        JsonNode one = json(api.get("/api/v2/tables/hf03_no?lang=nb", null));
        PxWebApiSpec.table(one);
        assertThat(one.get("language").asString()).isEqualTo("nb");
        assertThat(one.get("label").asString()).isEqualTo("Bostabilitet i Housing First etter 24 måneder, Norge");

        JsonNode counties = json(api.get("/api/v2/codelists/vs_NO_county?lang=nb", null));
        assertThat(counties.get("type").asString()).isEqualTo("Valueset");
        assertThat(counties.get("label").asString()).isEqualTo("Fylker");
        assertThat(counties.get("values").size()).isEqualTo(15);
        PxWebApiSpec.links(counties.get("links"));
        assertThat(api.get("/api/v2/codelists/vs_XX_county", null).status()).isEqualTo(404);

        JsonNode selection = json(api.get("/api/v2/tables/HF02_SE/defaultselection", null));
        PxWebApiSpec.links(selection.get("links"));
        assertThat(selection
                        .get("selection")
                        .valueStream()
                        .map(s -> s.get("variableCode").asString()))
                .containsExactly("region", "breakdown", "period", "contents");
        assertThat(selection.get("selection").get(2).get("valueCodes").toString())
                .isEqualTo("[\"2026Q2\"]");
        // a data request without a selection gets exactly that
        JsonNode byDefault = json(api.get("/api/v2/tables/HF02_SE/data", null));
        assertThat(byDefault.get("size").get(0).asInt())
                .isEqualTo(selection.get("selection").get(0).get("valueCodes").size());
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Languages and formats

    @Test
    void everyWordComesInEnglishSwedishAndNorwegianAndTheCodesStay() {
        String data =
                "/api/v2/tables/HF05_SE/data?valuecodes[region]=SE,2580&valuecodes[breakdown]=TOTAL,SEX:FEMALE,AGE:65-"
                        + "&valuecodes[period]=2026Q2&valuecodes[contents]=*&lang=";
        JsonNode english = json(api.get(data + "en", null));
        JsonNode swedish = json(api.get(data + "sv", null));
        JsonNode norwegian = json(api.get(data + "nb", null));
        assertThat(swedish.get("value")).isEqualTo(english.get("value"));
        assertThat(norwegian.get("value")).isEqualTo(english.get("value"));
        assertThat(english.get("label").asString())
                .isEqualTo("Still housed on the reference date, crude (kvarboende), Sweden");
        assertThat(swedish.get("label").asString()).isEqualTo("Kvarboende på referensdagen, okorrigerat mått, Sverige");
        assertThat(norwegian.get("label").asString())
                .isEqualTo("Fortsatt i bolig på referansedatoen, ukorrigert mål, Sverige");
        assertThat(labels(swedish, "breakdown")).containsExactly("Totalt", "Kön: kvinna", "Ålder 65 och äldre");
        assertThat(labels(norwegian, "breakdown")).containsExactly("I alt", "Kjønn: kvinne", "Alder 65 og eldre");
        assertThat(labels(swedish, "period")).containsExactly("2026 K2");
        assertThat(labels(norwegian, "contents"))
                .containsExactly("Teller (personer)", "Nevner (personer)", "Andel (%)");
        assertThat(labels(swedish, "region")).containsExactly("Sverige", "Luleå");
        assertThat(swedish.get("note").toString()).contains("Deltagare som har återkallat sitt samtycke");
        assertThat(norwegian.get("note").toString()).contains("trukket tilbake samtykket");
        assertThat(swedish.get("dimension")
                        .get("contents")
                        .get("category")
                        .get("unit")
                        .get("rate")
                        .get("label")
                        .asString())
                .isEqualTo("procent");
        // "no", SSB's code for Norwegian, is Bokmål
        assertThat(json(api.get(data + "no", null)).get("label")).isEqualTo(norwegian.get("label"));
    }

    @Test
    void csvComesForSwedishExcelAndFormatParametersAreChecked() {
        String data = "/api/v2/tables/HF05_SE/data?valuecodes[region]=SE,2580&valuecodes[breakdown]=TOTAL"
                + "&valuecodes[period]=2026Q2&valuecodes[contents]=*&outputFormat=csv&lang=sv";
        String plain = api.get(data, null).body();
        Api.Response excel =
                api.get(data + "&outputFormatParams=SeparatorSemicolon,DecimalComma,IncludeTitle,UseTexts", null);
        assertThat(excel.status()).isEqualTo(200);
        String body = excel.body();
        assertThat(body).startsWith("\uFEFF");
        List<List<String>> rows = TableFiles.csv(body.substring(1), ';');
        assertThat(rows.get(0).get(0)).startsWith("Kvarboende på referensdagen");
        assertThat(rows.get(1))
                .containsExactly(
                        "region_label",
                        "breakdown_label",
                        "period_label",
                        "numerator",
                        "denominator",
                        "rate",
                        "status");
        List<List<String>> comma = TableFiles.csv(plain, ',');
        assertThat(rows.get(2).get(0)).isEqualTo("Sverige");
        assertThat(rows.get(2).get(5)).isEqualTo(comma.get(1).get(8).replace('.', ','));
        assertThat(rows.get(2).get(5)).contains(",");
        // the same params as repeated parameters, as the specification's array form sends them
        assertThat(api.get(data + "&outputFormatParams=SeparatorSemicolon&outputFormatParams=DecimalComma", null)
                        .status())
                .isEqualTo(200);
        assertBadRequest(api.get(data + "&outputFormatParams=UseCodes,UseTexts", null), "outputFormatParams");
        assertBadRequest(api.get(data + "&outputFormatParams=DecimalComma", null), "outputFormatParams");
        assertBadRequest(api.get(data + "&outputFormatParams=Parquetish", null), "outputFormatParams");
        assertBadRequest(
                api.get(data.replace("outputFormat=csv", "outputFormat=px") + "&outputFormatParams=UseCodes", null),
                "outputFormatParams");
        Api.Response tab = api.get(data + "&outputFormatParams=SeparatorTab,UseCodes", null);
        assertThat(TableFiles.csv(tab.body(), '\t').get(0))
                .containsExactly("region", "breakdown", "period", "numerator", "denominator", "rate", "status");
    }

    /* The Swedish and Norwegian getting-started pages' example requests answer as the pages say. */
    @Test
    void theGettingStartedPagesExamplesAnswer() throws IOException {
        for (String page : List.of("kom-igang.sv.md", "kom-i-gang.nb.md")) {
            String text = Files.readString(Path.of("..", "docs", page));
            java.util.regex.Matcher example = java.util.regex.Pattern.compile(
                            "```\\s*\\n\\s*GET (\\S+)\\s*\\n\\s*(\\S+)\\s*\\n\\s*```")
                    .matcher(text);
            assertThat(example.find()).as(page).isTrue();
            Api.Response answer = api.get(example.group(1) + example.group(2), null);
            assertThat(answer.status()).as(page + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.body()).startsWith("\uFEFF");
            List<List<String>> rows = TableFiles.csv(answer.body().substring(1), ';');
            assertThat(rows.get(0)).contains("region", "period", "rate");
            assertThat(rows.size()).isGreaterThan(2);
        }
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Helpers

    private static List<String> codes(Api.Response response, String dimension) {
        return List.copyOf(json(response)
                .get("dimension")
                .get(dimension)
                .get("category")
                .get("index")
                .propertyNames());
    }

    private static List<String> labels(JsonNode dataset, String dimension) {
        JsonNode category = dataset.get("dimension").get(dimension).get("category");
        return category.get("index").propertyNames().stream()
                .map(code -> category.get("label").get(code).asString())
                .toList();
    }

    private static void assertBadRequest(Api.Response response, String parameter) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains(parameter);
    }

    private JsonNode toolkit(String document) throws IOException, InterruptedException {
        Path file = Files.createTempFile("dataset", ".json");
        try {
            Files.writeString(file, document);
            Process node = new ProcessBuilder(
                            "node", NODE_TOOLS.resolve("jsonstat.mjs").toString(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            byte[] out = node.getInputStream().readAllBytes();
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(node.exitValue()).as("the toolkit read the document").isZero();
            return Api.JSON.readTree(new String(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void assumeNode() {
        boolean available = Files.isDirectory(NODE_TOOLS.resolve("node_modules").resolve("jsonstat-toolkit"));
        if (!available && "true".equals(System.getenv("FUZZ_REQUIRED"))) {
            throw new IllegalStateException("FUZZ_REQUIRED=true, but fuzz/node_modules has no jsonstat-toolkit");
        }
        Assumptions.assumeTrue(available, "npm ci --prefix fuzz installs the JSON-stat toolkit");
    }

    private byte[] bytes(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static JsonNode json(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static int statisticsCalls() {
        return IntegrationTestConfiguration.STATISTICS_CALLS;
    }
}
