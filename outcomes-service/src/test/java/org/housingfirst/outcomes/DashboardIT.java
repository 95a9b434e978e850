package org.housingfirst.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.housingfirst.outcomes.TestEvents.assessed;
import static org.housingfirst.outcomes.TestEvents.contact;
import static org.housingfirst.outcomes.TestEvents.decline;
import static org.housingfirst.outcomes.TestEvents.ended;
import static org.housingfirst.outcomes.TestEvents.enrolled;
import static org.housingfirst.outcomes.TestEvents.episode;
import static org.housingfirst.outcomes.TestEvents.offer;
import static org.housingfirst.outcomes.TestEvents.pseudonym;
import static org.housingfirst.outcomes.TestEvents.started;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.housingfirst.contracts.ContractEvent;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.support.AssessmentTimepoint;
import org.housingfirst.contracts.support.Sex;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.contracts.tenancy.TenancyEvents;
import org.housingfirst.outcomes.statistics.JsonStatCheck;
import org.housingfirst.testbackends.Api;
import org.housingfirst.testbackends.ServiceIntegrationTest;
import org.housingfirst.testbackends.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in headless Chromium (Debian's {@code chromium}, which {@code .ci/run} installs): the figures it shows
 * are the API's, in English, Swedish and Norwegian, with a screenshot per language saved to
 * {@code outcomes-service/target/dashboard-<en|sv|nb>.png} (and one at a phone's width, {@code dashboard-phone.png}).
 */
// the dashboard shows the newest released quarter: releases from 2026Q2 on, not all nineteen quarters since 2022Q1
@TestPropertySource(properties = "platform.statistics.first-period=2026Q2")
class DashboardIT extends ServiceIntegrationTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
    private static final Municipality OREBRO = new Municipality("SE", "1880", "SCB-2025");
    private static final String WHOQOL = "WHOQOL-BREF-SV-1998";
    private static final String TOKEN = TestTokens.token("analyst", "SE", "1880", "orebro-bostad-forst");

    /** Topics of its own: the national panels hold this population alone, whatever ran before on the broker. */
    private static final String TOPICS = "dashboard-it.";

    @org.springframework.test.context.DynamicPropertySource
    static void ownTopics(org.springframework.test.context.DynamicPropertyRegistry registry) {
        TestEvents.consumeOwnTopics(registry, TOPICS);
    }

    @Override
    protected String topicName() {
        return TOPICS + TenancyEvents.TOPIC;
    }

    /*
     * 60 participants who moved in during 2024 and 2025; about one in four lost the flat within a year. Three state
     * their sex as other, so the national table must hide that cell (and one more to protect it). Two in three were
     * assessed with WHOQOL-BREF at enrolment and a year later; most had support contacts last month.
     */
    @BeforeAll
    void publishHistories() {
        Random random = new Random(5);
        YearMonth lastMonth = YearMonth.now().minusMonths(1);
        List<ContractEvent> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String participant = pseudonym(OREBRO, i);
            LocalDate moveIn = LocalDate.parse("2024-01-15").plusDays(random.nextInt(600));
            LocalDate enrolment = moveIn.minusDays(30);
            Sex sex = i % 20 == 7 ? Sex.OTHER : i % 10 == 3 ? null : i % 2 == 0 ? Sex.FEMALE : Sex.MALE;
            events.add(enrolled(OREBRO, participant, enrolment, sex));
            UUID tenancy = UUID.randomUUID();
            events.add(started(OREBRO, participant, tenancy, moveIn.toString()));
            if (random.nextInt(4) == 0) {
                LocalDate end = moveIn.plusDays(20 + random.nextInt(330));
                if (end.isBefore(LocalDate.parse("2026-06-30"))) {
                    events.add(ended(OREBRO, participant, tenancy, end.toString(), EndReason.EVICTION_RENT_ARREARS));
                }
            }
            if (i % 3 != 0) {
                Map<String, Double> baseline = new TreeMap<>();
                Map<String, Double> followUp = new TreeMap<>();
                for (String domain : List.of("physical_100", "psychological_100", "social_100", "environment_100")) {
                    double before = 30 + random.nextInt(30);
                    baseline.put(domain, before);
                    followUp.put(domain, Math.min(100, Math.max(0, before + 6 + random.nextGaussian() * 10)));
                }
                events.add(assessed(OREBRO, participant, enrolment, WHOQOL, AssessmentTimepoint.BASELINE, baseline));
                events.add(assessed(
                        OREBRO, participant, enrolment.plusYears(1), WHOQOL, AssessmentTimepoint.MONTH_12, followUp));
            }
            UUID episode = UUID.randomUUID();
            events.add(episode(OREBRO, participant, episode, enrolment.toString()));
            for (int c = 0; c < random.nextInt(4); c++) {
                String on = lastMonth.atDay(1 + random.nextInt(28)).toString();
                events.add(contact(OREBRO, participant, episode, on, random.nextInt(6) == 0));
            }
            if (i % 7 == 0) {
                UUID offer = UUID.randomUUID();
                events.add(offer(
                        OREBRO, participant, episode, offer, lastMonth.atDay(2).toString()));
                if (i % 14 == 0) {
                    events.add(decline(
                            OREBRO,
                            participant,
                            episode,
                            offer,
                            lastMonth.atDay(3).toString()));
                }
            }
        }
        // Örebro's programme, assessed on the shipped Pathways scale: 120 of 152
        events.add(new org.housingfirst.contracts.support.FidelityAssessed(
                UUID.randomUUID(),
                "org",
                OREBRO,
                LocalDate.parse("2026-04-20"),
                TestEvents.recordedFor(LocalDate.parse("2026-04-20")),
                "orebro-bostad-forst",
                UUID.randomUUID(),
                org.housingfirst.contracts.support.FidelityScale.PATHWAYS_HF,
                "PHF-38-2013",
                org.housingfirst.contracts.support.AssessorType.EXTERNAL,
                Map.of("HP1", 4, "SA1", 2),
                Map.of(
                        "housing_process_and_structure",
                        3.6,
                        "separation_of_housing_and_services",
                        3.3,
                        "service_philosophy",
                        3.1,
                        "service_array",
                        2.4,
                        "program_structure",
                        3.5),
                120,
                78.95));
        TestEvents.publishAll(jdbc, events, TOPICS);
        // the dashboard shows the national table as released: the operator publishes what is due
        Api.Response published = new Api(port)
                .post(
                        "/api/v1/operations/releases",
                        TestTokens.token("operator", "SE", "1880", "platform-operations"),
                        "");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }

    @Test
    void showsTheApisFiguresWithRealCurves() throws Exception {
        assumeChromium();
        String url = "http://127.0.0.1:" + port + "/dashboard/index.html#token=" + TOKEN;

        String dom = render(url, "en", "--lang=en-GB");

        assertThat(attribute(dom, "body", "data-ready")).isEqualTo("true");
        String asOf = attribute(dom, "body", "data-as-of");
        for (int months : new int[] {6, 12, 24}) {
            JsonNode figure = api.get("/api/v1/metrics/retention?months=" + months + "&asOf=" + asOf, TOKEN)
                    .json()
                    .get("result");
            String shown = metric(dom, "retention-" + months);
            if (figure.get("rate").isNull()) {
                assertThat(shown).isEmpty();
            } else {
                assertThat(Double.parseDouble(shown))
                        .isEqualTo(figure.get("rate").asDouble());
            }
        }
        JsonNode curves = api.get("/api/v1/metrics/retention-curve/breakdown?asOf=" + asOf + "&by=COHORT_YEAR", TOKEN)
                .json()
                .get("result");
        int steps = 0;
        for (JsonNode group : curves) {
            steps += group.get("result").size();
        }
        assertThat(curves.size()).as("cohorts 2024 and 2025").isEqualTo(2);
        assertThat(Integer.parseInt(metric(dom, "curve-steps")))
                .isEqualTo(steps)
                .isGreaterThan(5);
        JsonNode share = api.get(
                        "/api/v1/metrics/first-hand-leases?asOf=" + asOf + "&from=" + asOf.substring(0, 4)
                                + "-01-01&to=" + asOf,
                        TOKEN)
                .json()
                .get("result");
        assertThat(Double.parseDouble(metric(dom, "first-hand-share")))
                .isEqualTo(share.get("share").asDouble());
        JsonNode engagement = api.get(
                        "/api/v1/metrics/engagement?month=" + YearMonth.now().minusMonths(1) + "&asOf=" + asOf, TOKEN)
                .json()
                .get("result");
        assertThat(engagement.get("completedContacts").asInt()).isGreaterThan(10);
        assertThat(Double.parseDouble(metric(dom, "contacts-per-participant-month")))
                .isEqualTo(engagement.get("contactsPerParticipantMonth").asDouble());

        JsonNode qualityOfLife = api.get(
                        "/api/v1/metrics/quality-of-life-change?instrument=WHOQOL_BREF&followUp=MONTH_12&asOf=" + asOf,
                        TOKEN)
                .json();
        Map<String, String> rows = matches(dom, "<tr data-score=\"([^\"]+)\" data-mean=\"([^\"]*)\"");
        assertThat(rows).hasSize(4);
        for (JsonNode change : qualityOfLife.get("result")) {
            String score = change.get("score").asString();
            if (score.endsWith("_100")) {
                assertThat(change.get("change").get("n").asInt()).isEqualTo(40);
                assertThat(Double.parseDouble(rows.get(score)))
                        .as(score)
                        .isEqualTo(change.get("change").get("mean").asDouble());
            }
        }

        JsonNode table = api.get(
                        "/api/v2/tables/HF02_SE/data?valuecodes[region]=SE,18,1880"
                                + "&valuecodes[breakdown]=TOTAL,SEX:FEMALE,SEX:MALE,SEX:OTHER,SEX:UNKNOWN"
                                + "&valuecodes[period]=2026Q3&valuecodes[contents]=rate",
                        TOKEN)
                .json();
        // the newest release of the latest quarter, named
        assertThat(dom).containsPattern("<span id=\"national-release\">release SE-2026Q3-\\d+</span>");
        Map<String, String> cells = matches(dom, "<td data-cell=\"([^\"]+)\"[^>]*>([^<]*)</td>");
        assertThat(cells).hasSize(3 * 5);
        int suppressed = 0;
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            String[] key = cell.getKey().split("\\|");
            int position = JsonStatCheck.position(table, Map.of("region", key[0], "breakdown", key[1]));
            String status = table.path("status").path(String.valueOf(position)).asString("");
            JsonNode value = table.get("value").get(position);
            if (status.equals(":")) {
                assertThat(cell.getValue()).as(cell.getKey()).isEqualTo(":");
                suppressed++;
            } else if (value.isNull()) {
                assertThat(cell.getValue()).as(cell.getKey()).isEqualTo(".");
            } else {
                assertThat(Double.parseDouble(cell.getValue().split(" ")[0]))
                        .as(cell.getKey())
                        .isCloseTo(value.asDouble(), Offset.offset(0.05));
            }
        }
        assertThat(suppressed)
                .as("sex OTHER in Örebro and the cell that protects it")
                .isGreaterThanOrEqualTo(2);
        assertThat(cells.get("1880|SEX:OTHER")).isEqualTo(":");

        // what an analyst needs to read it: the municipality by name, the quarter named, the symbols explained, one
        // confidence band at a time, the fidelity panel as the API has it
        assertThat(attribute(dom, "body", "data-municipality-name")).isEqualTo("Örebro");
        assertThat(attribute(dom, "body", "data-lang")).isEqualTo("en");
        assertThat(dom).containsPattern("<span id=\"national-quarter\" data-period=\"2026Q3\">2026 Q3</span>");
        assertThat(dom).contains(": suppressed to protect individuals · . no participants · r revised");
        assertThat(attribute(dom, "p", "data-bands")).isEqualTo("1");
        assertFidelityAsTheApi(dom, asOf);
        assertIndicatorsAsTheApi(dom);
    }

    /*
     * The national indicators panel: for each of HF06-HF10, the nation, Örebro county and Örebro as the newest released
     * quarter has them (":" where suppressed), and the nation's new enrolments by situation at entry.
     */
    private void assertIndicatorsAsTheApi(String dom) {
        Map<String, String> cells = matches(dom, "<td data-indicator=\"([^\"]+)\" data-value=\"([^\"]*)\"");
        assertThat(cells).hasSize(12 * 3);
        Map<String, String> periods = matches(dom, "<tr data-table=\"([^\"]+)\" data-period=\"([^\"]*)\"");
        assertThat(periods)
                .containsOnlyKeys(
                        "HF06_SE", "HF07_SE", "HF08_SE", "HF09_SE", "HF10_SE", "HF11_SE", "HF12_SE", "HF13_SE",
                        "HF14_SE");
        assertThat(periods).containsValue("2026Q3");
        assertThat(cells).containsKeys("HF11_SE|mean:percent|SE", "HF12_SE|mean:social_100|1880");
        int shown = 0;
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            String[] key = cell.getKey().split("\\|");
            JsonNode table = api.get(
                            "/api/v2/tables/" + key[0] + "/data?valuecodes[region]=" + key[2]
                                    + "&valuecodes[breakdown]=TOTAL&valuecodes[period]=" + periods.get(key[0])
                                    + "&valuecodes[contents]=*",
                            TOKEN)
                    .json();
            List<String> contents = JsonStatCheck.codes(table, "contents");
            int position = contents.indexOf(key[1]);
            assertThat(position).as(cell.getKey()).isNotNegative();
            String status = table.path("status").path(String.valueOf(position)).asString("");
            JsonNode value = table.get("value").get(position);
            String expected = status.equals(":") ? ":" : value.isNull() ? "." : value.asString();
            if (status.equals(":") || value.isNull()) {
                assertThat(cell.getValue()).as(cell.getKey()).isEqualTo(expected);
            } else {
                assertThat(Double.parseDouble(cell.getValue()))
                        .as(cell.getKey())
                        .isEqualTo(value.asDouble());
                shown++;
            }
        }
        assertThat(shown).as("the nation's participants at least").isPositive();
        assertThat(cells.get("HF06_SE|count|SE"))
                .as("the nation's participants")
                .matches("\\d+");

        Map<String, String> situations = matches(dom, "<td data-situation=\"([^\"]+)\" data-value=\"([^\"]*)\"");
        assertThat(situations)
                .containsKeys("SITUATION:SE_1_ACUTE", "SITUATION:UNKNOWN")
                .hasSize(5);
        JsonNode enrolments = api.get(
                        "/api/v2/tables/HF07_SE/data?valuecodes[region]=SE&valuecodes[breakdown]=SITUATION:*"
                                + "&valuecodes[period]=" + periods.get("HF07_SE") + "&valuecodes[contents]=count",
                        TOKEN)
                .json();
        for (Map.Entry<String, String> situation : situations.entrySet()) {
            int position = JsonStatCheck.position(enrolments, Map.of("breakdown", situation.getKey()));
            String status =
                    enrolments.path("status").path(String.valueOf(position)).asString("");
            assertThat(situation.getValue())
                    .as(situation.getKey())
                    .isEqualTo(
                            status.equals(":")
                                    ? ":"
                                    : enrolments.get("value").get(position).asString());
        }
    }

    /*
     * Swedish from the browser's language (its Accept-Language), Norwegian from the switch (?lang=nb): the page's words
     * and the national table's labels, which the statistics API gives in the same language; the same figures.
     */
    @Test
    void speaksSwedishByTheBrowsersLanguageAndNorwegianByTheSwitch() throws Exception {
        assumeChromium();
        String url = "http://127.0.0.1:" + port + "/dashboard/index.html#token=" + TOKEN;
        String swedish = render(url, "sv", "--lang=sv", "--accept-lang=sv-SE,sv");
        assertThat(attribute(swedish, "body", "data-ready")).isEqualTo("true");
        assertThat(attribute(swedish, "body", "data-language-source")).isEqualTo("browser");
        assertThat(swedish)
                .contains("<html lang=\"sv\"")
                .contains("Uppföljning av bostad först", "Kvarboende 12 månader");
        assertThat(swedish).contains("data-breakdown=\"TOTAL\">Totalt<", "2026 K3", ": dold för att skydda enskilda");
        assertThat(swedish)
                .contains(
                        "Nationella indikatorer",
                        "Deltagare i en lägenhet i bostad först på referensdagen, Sverige",
                        "Situation 1: akut hemlöshet");
        assertFidelityAsTheApi(swedish, attribute(swedish, "body", "data-as-of"));
        assertIndicatorsAsTheApi(swedish);

        String nbUrl = "http://127.0.0.1:" + port + "/dashboard/index.html?lang=nb#token=" + TOKEN;
        String norwegian = render(nbUrl, "nb", "--lang=en-GB");
        assertThat(attribute(norwegian, "body", "data-ready")).isEqualTo("true");
        assertThat(attribute(norwegian, "body", "data-language-source")).isEqualTo("switch");
        assertThat(norwegian)
                .contains("<html lang=\"nb\"")
                .contains("Oppfølging av Housing First", "Bostabilitet 12 måneder");
        assertThat(norwegian)
                .contains("data-breakdown=\"TOTAL\">I alt<", "2026 K3", ": skjult for å beskytte enkeltpersoner");
        assertThat(norwegian)
                .contains("Nasjonale indikatorer", "Oppfølging: deltakere i oppfølging", "Situasjon 1: akutt");
        assertFidelityAsTheApi(norwegian, attribute(norwegian, "body", "data-as-of"));
        assertIndicatorsAsTheApi(norwegian);
    }

    /* An expired token: the reason at the top, above the sign-in form, and no empty tiles. */
    @Test
    void anExpiredTokenIsSaidAtTheTopAndTheTilesStayHidden() throws Exception {
        assumeChromium();
        String expired = TestTokens.signed(
                TestTokens.claims("analyst", "SE", "1880", "orebro-bostad-forst")
                        .issueTime(java.util.Date.from(java.time.Instant.now().minusSeconds(7200)))
                        .expirationTime(
                                java.util.Date.from(java.time.Instant.now().minusSeconds(3600)))
                        .build(),
                TestTokens.SECRET);
        String dom = chromium("--dump-dom", "http://127.0.0.1:" + port + "/dashboard/index.html#token=" + expired);
        assertThat(attribute(dom, "body", "data-ready")).isEqualTo("refused");
        Matcher problem =
                Pattern.compile("<p id=\"problem\" role=\"alert\">([^<]+)</p>").matcher(dom);
        assertThat(problem.find()).as("the problem shown, not hidden").isTrue();
        assertThat(problem.group(1)).contains("expired");
        assertThat(dom.indexOf("id=\"problem\"")).as("above everything else").isLessThan(dom.indexOf("id=\"sign-in\""));
        assertThat(dom).contains("<main id=\"dashboard\" hidden=\"\"").contains("<section id=\"sign-in\">");
    }

    /* A municipality with nobody housed yet gets a note instead of an empty chart. */
    @Test
    void aMunicipalityWithoutParticipantsGetsANoDataNote() throws Exception {
        assumeChromium();
        String kumla = TestTokens.token("analyst", "SE", "1881", "kumla-bostad-forst");
        String dom = chromium("--dump-dom", "http://127.0.0.1:" + port + "/dashboard/index.html#token=" + kumla);
        assertThat(attribute(dom, "body", "data-ready")).isEqualTo("true");
        assertThat(attribute(dom, "body", "data-no-data")).isEqualTo("true");
        assertThat(dom).contains("<p class=\"no-data\" id=\"curves-empty\" data-i18n=\"noData\">No data yet");
        assertThat(attribute(dom, "body", "data-municipality-name")).isEqualTo("Kumla");
    }

    /* At a phone's width nothing scrolls sideways: the tiles stack, the tables scroll in their own boxes. */
    @Test
    void fitsAPhonesWidth() throws Exception {
        assumeChromium();
        String url = "http://127.0.0.1:" + port + "/dashboard/index.html#token=" + TOKEN;
        Path phone = Path.of("target", "dashboard-phone.png").toAbsolutePath();
        String dom = chromium("--dump-dom", "--screenshot=" + phone, "--window-size=375,812", url);
        assertThat(attribute(dom, "body", "data-ready")).isEqualTo("true");
        assertThat(attribute(dom, "body", "data-overflow")).isEqualTo("false");
        assertThat(phone).exists();
    }

    /** The fidelity panel's row is the API's programme, latest total and percentage. */
    private void assertFidelityAsTheApi(String dom, String asOf) {
        JsonNode programme = api.get("/api/v1/metrics/fidelity?asOf=" + asOf, TOKEN)
                .json()
                .get("result")
                .get(0);
        String key = programme.get("programmeId").asString() + "|"
                + programme.get("scale").asString() + "|"
                + programme.get("scaleVersion").asString();
        Matcher row = Pattern.compile("<tr data-programme=\"" + Pattern.quote(key)
                        + "\" data-total=\"(\\d+)\" data-percent=\"([0-9.]+)\">")
                .matcher(dom);
        assertThat(row.find()).as("the fidelity row of %s", key).isTrue();
        assertThat(Integer.parseInt(row.group(1)))
                .isEqualTo(programme.get("latest").get("total").asInt())
                .isEqualTo(120);
        assertThat(Double.parseDouble(row.group(2)))
                .isEqualTo(programme.get("latest").get("percentOfMaximum").asDouble());
    }

    /**
     * The page's DOM once its scripts have run, and in the same run a screenshot per language, saved as
     * target/dashboard-<language>.png.
     */
    private static String render(String url, String language, String... flags) throws Exception {
        Path screenshot = Path.of("target", "dashboard-" + language + ".png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        List<String> arguments = new ArrayList<>(List.of(flags));
        arguments.addAll(List.of(
                "--dump-dom", "--screenshot=" + screenshot, "--window-size=1280,2400", "--hide-scrollbars", url));
        String dom = chromium(arguments.toArray(String[]::new));
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot))
                .as("a rendered page, not a blank one")
                .isGreaterThan(40_000);
        return dom;
    }

    private static void assumeChromium() {
        boolean present = Files.isExecutable(CHROMIUM);
        if (!present && "true".equals(System.getenv("CHROMIUM_REQUIRED"))) {
            throw new AssertionError("CHROMIUM_REQUIRED=true, but there is no " + CHROMIUM);
        }
        assumeTrue(
                present,
                "skipped: the dashboard's browser test needs Debian's chromium at " + CHROMIUM
                        + " (apt-get install -y chromium; .ci/run installs it and sets CHROMIUM_REQUIRED=true)");
    }

    private static String metric(String dom, String name) {
        Matcher m = Pattern.compile("data-metric=\"" + Pattern.quote(name) + "\"[^>]*data-value=\"([^\"]*)\"")
                .matcher(dom);
        assertThat(m.find()).as("metric %s shown", name).isTrue();
        return m.group(1);
    }

    /** Every match of a pattern with two groups, as a map from the first to the second. */
    private static Map<String, String> matches(String dom, String pattern) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = Pattern.compile(pattern).matcher(dom);
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }

    private static String attribute(String dom, String element, String attribute) {
        Matcher m = Pattern.compile("<" + element + "[^>]*" + attribute + "=\"([^\"]*)\"")
                .matcher(dom);
        assertThat(m.find()).as("%s of %s", attribute, element).isTrue();
        return m.group(1);
    }

    /** Runs headless Chromium with the flags this machine needs (root, closed network) and returns what it prints. */
    private static String chromium(String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=20000"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
