package org.housingfirst.outcomes.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R's survival package as the outside oracle: every step (time, at risk, events, S, SE, log-log interval) and the
 * quartiles of Kaplan–Meier on generated cohorts of 500 to 2,000 people, with heavy ties and censoring, plus cohorts
 * built to sit exactly on 50 % and to fall to 0, must agree with {@code survfit} and {@code quantile.survfit} to 1e-9.
 * Needs {@code Rscript} with the survival package (Debian: r-cran-survival); without it the test is skipped and says
 * so, unless {@code R_REQUIRED=true} (CI) makes that a failure.
 */
class KaplanMeierOracleTest {

    private static final double AGREEMENT = 1e-9;
    private static final int RANDOM_COHORTS = 40;

    @TempDir
    Path work;

    @Test
    void agreesWithRsSurvivalOnGeneratedCohorts() throws Exception {
        boolean available = rscriptAnswers();
        if (!available && "true".equals(System.getenv("R_REQUIRED"))) {
            throw new IllegalStateException("R_REQUIRED=true, but Rscript with the survival package is missing");
        }
        assumeTrue(available, "skipped: needs Rscript and R's survival package (Debian: r-cran-survival)");

        long seed = Long.getLong("oracle.seed", System.nanoTime());
        Map<Integer, List<KaplanMeier.Observation>> cohorts = cohorts(new Random(seed));
        Map<String, String[]> oracle = runR(cohorts);

        int compared = 0;
        for (var cohort : cohorts.entrySet()) {
            int id = cohort.getKey();
            List<KaplanMeier.Step> steps = KaplanMeier.estimate(cohort.getValue());
            for (KaplanMeier.Step step : steps) {
                String[] r = oracle.get("step," + id + "," + step.time());
                String where = "seed " + seed + ", cohort " + id + ", time " + step.time();
                assertThat(r).as(where).isNotNull();
                assertThat(step.atRisk()).as(where + " at risk").isEqualTo(Integer.parseInt(r[3]));
                assertThat(step.events()).as(where + " events").isEqualTo(Integer.parseInt(r[4]));
                agree(step.survival(), r[5], where + " S");
                agree(step.standardError(), r[6], where + " SE");
                agree(step.lower(), r[7], where + " lower");
                agree(step.upper(), r[8], where + " upper");
                compared++;
            }
            for (int percent : new int[] {25, 50, 75}) {
                String[] r = oracle.get("quantile," + id + "," + percent);
                agree(
                        KaplanMeier.quantile(steps, percent / 100.0),
                        r[5],
                        "seed " + seed + ", cohort " + id + ", quantile " + percent);
            }
        }
        long steps = oracle.keySet().stream().filter(k -> k.startsWith("step,")).count();
        assertThat(compared).as("every step R reports is compared").isEqualTo((int) steps);
        System.out.printf(
                "Kaplan-Meier against R's survival: %d cohorts, %d steps and %d quartiles agree to %s (seed %d)%n",
                cohorts.size(), compared, 3 * cohorts.size(), AGREEMENT, seed);
    }

    /*
     * Random cohorts (days 0-730 with many ties, a third censored) and four built ones: a curve that stays at exactly
     * 50 % to the end of follow-up, one that sits on 50 % between two events, one whose product of floating-point
     * factors lands next to 0.5 (5/6 x 4/5 x 3/4), and one in which everyone has the event.
     */
    private static Map<Integer, List<KaplanMeier.Observation>> cohorts(Random random) {
        Map<Integer, List<KaplanMeier.Observation>> cohorts = new LinkedHashMap<>();
        for (int c = 0; c < RANDOM_COHORTS; c++) {
            int size = 500 + random.nextInt(1_501);
            int horizon = 30 + random.nextInt(700);
            double censoring = 0.1 + random.nextDouble() * 0.5;
            List<KaplanMeier.Observation> people = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                people.add(new KaplanMeier.Observation(random.nextInt(horizon + 1), random.nextDouble() > censoring));
            }
            cohorts.put(c, people);
        }
        List<KaplanMeier.Observation> flatToTheEnd = new ArrayList<>();
        List<KaplanMeier.Observation> flatBetweenEvents = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            flatToTheEnd.add(new KaplanMeier.Observation(1 + i, true));
            flatToTheEnd.add(new KaplanMeier.Observation(400 + i, false));
            flatBetweenEvents.add(new KaplanMeier.Observation(10 + i % 50, true));
            flatBetweenEvents.add(new KaplanMeier.Observation(i < 125 ? 300 : 500, true));
        }
        cohorts.put(100, flatToTheEnd);
        cohorts.put(101, flatBetweenEvents);
        List<KaplanMeier.Observation> nextToHalf = new ArrayList<>();
        for (int repeat = 0; repeat < 100; repeat++) {
            for (int i = 0; i < 6; i++) {
                nextToHalf.add(new KaplanMeier.Observation(i < 3 ? 1 + i : 100, i < 3 || i == 5));
            }
        }
        cohorts.put(102, nextToHalf);
        List<KaplanMeier.Observation> everyone = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            everyone.add(new KaplanMeier.Observation(i % 97, true));
        }
        cohorts.put(103, everyone);
        return cohorts;
    }

    private static void agree(Double ours, String r, String what) {
        if ("NA".equals(r)) {
            assertThat(ours).as(what + " (R: NA)").isNull();
        } else {
            assertThat(ours).as(what).isNotNull();
            assertThat(ours).as(what).isCloseTo(Double.parseDouble(r), org.assertj.core.data.Offset.offset(AGREEMENT));
        }
    }

    private Map<String, String[]> runR(Map<Integer, List<KaplanMeier.Observation>> cohorts)
            throws IOException, InterruptedException {
        StringBuilder csv = new StringBuilder("cohort,time,event\n");
        cohorts.forEach((id, people) -> people.forEach(o -> csv.append(id)
                .append(',')
                .append(o.time())
                .append(',')
                .append(o.event() ? 1 : 0)
                .append('\n')));
        Path input = Files.writeString(work.resolve("cohorts.csv"), csv);
        Path script = work.resolve("kaplan-meier.R");
        try (var in = getClass().getResourceAsStream("/oracle/kaplan-meier.R")) {
            Files.write(script, in.readAllBytes());
        }
        Path output = work.resolve("r.csv");
        Process r = new ProcessBuilder("Rscript", script.toString(), input.toString(), output.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("r.log").toFile())
                .start();
        assertThat(r.waitFor(5, TimeUnit.MINUTES)).as("R finished").isTrue();
        assertThat(r.exitValue())
                .as("R: " + Files.readString(work.resolve("r.log")))
                .isZero();
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line :
                Files.readAllLines(output).subList(1, Files.readAllLines(output).size())) {
            String[] cells = line.split(",", -1);
            rows.put(cells[0] + "," + cells[1] + "," + cells[2], cells);
        }
        return rows;
    }

    private static boolean rscriptAnswers() {
        try {
            Process p = new ProcessBuilder("Rscript", "-e", "library(survival)")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
