package org.housingfirst.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.housingfirst.outcomes.TestEvents.ended;
import static org.housingfirst.outcomes.TestEvents.enrolled;
import static org.housingfirst.outcomes.TestEvents.pseudonym;
import static org.housingfirst.outcomes.TestEvents.started;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.housingfirst.contracts.ContractEvent;
import org.housingfirst.contracts.Municipality;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.contracts.tenancy.TenancyEvents;
import org.housingfirst.testbackends.ServiceIntegrationTest;
import org.housingfirst.testbackends.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in headless Chromium (Debian's {@code chromium}, which {@code .ci/run} installs): the figures it shows
 * are the API's, and a screenshot is saved to {@code outcomes-service/target/dashboard.png}.
 */
class DashboardIT extends ServiceIntegrationTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
    private static final Municipality OREBRO = new Municipality("SE", "1880", "SCB-2025");
    private static final String TOKEN = TestTokens.token("analyst", "SE", "1880", "orebro-bostad-forst");

    @Override
    protected String topicName() {
        return TenancyEvents.TOPIC;
    }

    /* 60 participants who moved in during 2024 and 2025; about one in four lost the flat within a year. */
    @BeforeAll
    void publishHistories() {
        Random random = new Random(5);
        List<ContractEvent> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String participant = pseudonym(OREBRO, i);
            LocalDate moveIn = LocalDate.parse("2024-01-15").plusDays(random.nextInt(600));
            events.add(enrolled(OREBRO, participant, moveIn.minusDays(30)));
            UUID tenancy = UUID.randomUUID();
            events.add(started(OREBRO, participant, tenancy, moveIn.toString()));
            if (random.nextInt(4) == 0) {
                LocalDate end = moveIn.plusDays(20 + random.nextInt(330));
                if (end.isBefore(LocalDate.parse("2026-06-30"))) {
                    events.add(ended(OREBRO, participant, tenancy, end.toString(), EndReason.EVICTION_RENT_ARREARS));
                }
            }
        }
        TestEvents.publishAll(jdbc, events);
    }

    @Test
    void showsTheApisFiguresWithRealCurves() throws Exception {
        assertThat(CHROMIUM)
                .as("Debian's chromium package (.ci/run installs it)")
                .exists();
        String url = "http://127.0.0.1:" + port + "/dashboard/index.html#token=" + TOKEN;

        String dom = chromium("--dump-dom", url);

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
                .get("groups");
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
        assertThat(dom).contains("data-cell=\"SE|TOTAL\"");

        Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium("--screenshot=" + screenshot, "--window-size=1280,2000", "--hide-scrollbars", url);
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot))
                .as("a rendered page, not a blank one")
                .isGreaterThan(40_000);
    }

    private static String metric(String dom, String name) {
        Matcher m = Pattern.compile("data-metric=\"" + Pattern.quote(name) + "\"[^>]*data-value=\"([^\"]*)\"")
                .matcher(dom);
        assertThat(m.find()).as("metric %s shown", name).isTrue();
        return m.group(1);
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
