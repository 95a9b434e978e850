package org.housingfirst.outcomes.fidelity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each programme's fidelity to Housing First over time (docs/metrics.md, {@value #DEFINITION_VERSION}): per programme
 * and scale version, its assessments oldest first, each with the total, the highest possible total, the percentage of
 * it and the domain means; the latest, and whether it is current (assessed within 24 months before the as-of date).
 * Scale versions are never mixed: a programme assessed on two versions has two rows.
 */
public final class ProgrammeFidelity {

    public static final String DEFINITION_VERSION = "programme-fidelity-v1(24-months-current)";

    /** An assessment of a programme as published; {@code maximum} is derived from the total and its percentage. */
    public record Assessment(
            String programmeId,
            String scale,
            String scaleVersion,
            LocalDate assessedOn,
            String assessorType,
            int total,
            double percentOfMaximum,
            Map<String, Double> domainMeans) {

        /** The highest possible total: total / percentage × 100, which is 4 × items on a 1–4 scale. */
        public int maximum() {
            return (int) Math.round(total * 100.0 / percentOfMaximum);
        }
    }

    /** One assessment as the metric shows it. */
    public record Point(
            LocalDate assessedOn,
            String assessorType,
            int total,
            int maximum,
            double percentOfMaximum,
            Map<String, Double> domainMeans) {}

    /** A programme on one scale version: its assessments oldest first, the latest, and whether that is current. */
    public record Programme(
            String programmeId,
            String scale,
            String scaleVersion,
            List<Point> assessments,
            Point latest,
            boolean current) {}

    private ProgrammeFidelity() {}

    /** The programmes of the given assessments, in programme, scale and version order. */
    public static List<Programme> compute(List<Assessment> assessments, LocalDate asOf) {
        Map<String, List<Assessment>> byProgramme = new java.util.TreeMap<>();
        for (Assessment a : assessments) {
            if (!a.assessedOn().isAfter(asOf)) {
                byProgramme
                        .computeIfAbsent(
                                a.programmeId() + "\u0000" + a.scale() + "\u0000" + a.scaleVersion(),
                                k -> new ArrayList<>())
                        .add(a);
            }
        }
        List<Programme> programmes = new ArrayList<>();
        for (List<Assessment> group : byProgramme.values()) {
            List<Point> points = group.stream()
                    .sorted(java.util.Comparator.comparing(Assessment::assessedOn))
                    .map(a -> new Point(
                            a.assessedOn(),
                            a.assessorType(),
                            a.total(),
                            a.maximum(),
                            a.percentOfMaximum(),
                            new LinkedHashMap<>(a.domainMeans())))
                    .toList();
            Point latest = points.getLast();
            Assessment first = group.getFirst();
            programmes.add(new Programme(
                    first.programmeId(),
                    first.scale(),
                    first.scaleVersion(),
                    points,
                    latest,
                    latest.assessedOn().isAfter(asOf.minusMonths(24))));
        }
        return programmes;
    }
}
