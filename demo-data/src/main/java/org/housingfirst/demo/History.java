package org.housingfirst.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.housingfirst.contracts.DestinationCategory;
import org.housingfirst.contracts.support.AssessmentTimepoint;
import org.housingfirst.contracts.support.ContactMode;
import org.housingfirst.contracts.support.HomelessnessDuration;
import org.housingfirst.contracts.support.QualityOfLifeInstrument;
import org.housingfirst.contracts.support.ReferralSource;
import org.housingfirst.contracts.support.StaffRole;
import org.housingfirst.contracts.support.SupportDeclineReason;
import org.housingfirst.contracts.support.SupportServiceType;
import org.housingfirst.contracts.tenancy.AbsenceType;
import org.housingfirst.contracts.tenancy.ContractType;
import org.housingfirst.contracts.tenancy.EndReason;
import org.housingfirst.contracts.tenancy.OfferDeclineReason;
import tools.jackson.databind.JsonNode;

/**
 * One participant's history, planned from a random stream seeded by the run's seed and the participant's number (so
 * the same seed gives the same history whatever the concurrency) and posted in date order to each service.
 */
final class History {

    private static final int[] WHOQOL_REVERSED = {3, 4, 26};
    /** The share of endings that are evictions or abandonment, as {@link #endReason()} draws them. */
    private static final double NEGATIVE_ENDINGS = 0.67;

    private final Poster api;
    private final String tenancyBase;
    private final String supportBase;
    private final String token;
    private final Site site;
    private final LocalDate first;
    private final LocalDate until;
    private final Random random;
    private final String key;

    History(
            Poster api,
            String tenancyBase,
            String supportBase,
            Tokens tokens,
            Site site,
            LocalDate first,
            LocalDate until,
            long seed,
            int index) {
        this.api = api;
        this.tenancyBase = tenancyBase;
        this.supportBase = supportBase;
        this.token = tokens.reporter(site);
        this.site = site;
        this.first = first;
        this.until = until;
        this.random = new Random(seed * 1_000_003L + index);
        this.key = "demo-" + seed + "-" + index + "-";
    }

    /** Plans and posts the whole history; returns whether the participant was housed. */
    boolean post() {
        LocalDate birth = LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
        Map<String, String> participant = Map.of(
                "scheme",
                site.country().equals("SE") ? "SE_PERSONNUMMER" : "NO_FODSELSNUMMER",
                "value",
                site.country().equals("SE")
                        ? IdentityNumbers.personnummer(birth, random)
                        : IdentityNumbers.fodselsnummer(birth, random));
        long span = ChronoUnit.DAYS.between(first, until.minusDays(14));
        LocalDate enrolled = first.plusDays(random.nextLong(span));

        // the housing path, planned first so support ends with it
        List<Tenancy> tenancies = new ArrayList<>();
        LocalDate offered = enrolled.plusDays(7 + random.nextInt(84));
        boolean firstDeclined = random.nextInt(100) < 15;
        LocalDate secondOffer = offered.plusDays(14 + random.nextInt(27));
        LocalDate moveIn = (firstDeclined ? secondOffer : offered).plusDays(7 + random.nextInt(24));
        LocalDate left = null;
        EndReason finalReason = null;
        while (!moveIn.isAfter(until) && tenancies.size() < 3) {
            Tenancy tenancy = new Tenancy(moveIn, contract());
            tenancies.add(tenancy);
            // only the negative endings (evictions, abandonment: NEGATIVE_ENDINGS of all) lower programme retention
            double dailyHazard = -Math.log(site.retainedAt12Months()) / 365.0 / NEGATIVE_ENDINGS;
            long daysHoused = (long) Math.ceil(-Math.log(1 - random.nextDouble()) / dailyHazard);
            if (tenancy.contract == ContractType.SECOND_HAND_WITH_TAKEOVER) {
                tenancy.converted = moveIn.plusDays(180 + random.nextInt(360));
            }
            if (random.nextInt(10) == 0) {
                tenancy.absenceStart = moveIn.plusDays(30 + random.nextInt(270));
                tenancy.absenceEnd = tenancy.absenceStart.plusDays(5 + random.nextInt(36));
            }
            LocalDate end = moveIn.plusDays(Math.max(1, daysHoused));
            if (end.isAfter(until)) {
                break;
            }
            tenancy.end = end;
            tenancy.reason = endReason();
            if (tenancy.absenceEnd != null && !tenancy.absenceEnd.isBefore(end)) {
                tenancy.absenceStart = null;
                tenancy.absenceEnd = null;
            }
            if (tenancy.converted != null && !tenancy.converted.isBefore(end)) {
                tenancy.converted = null;
            }
            if (tenancy.reason != EndReason.REHOUSED_WITHIN_PROGRAMME) {
                left = end;
                finalReason = tenancy.reason;
                break;
            }
            moveIn = end.plusDays(3 + random.nextInt(23));
        }
        for (Tenancy t : tenancies) {
            if (t.converted != null && t.converted.isAfter(until)) {
                t.converted = null;
            }
            if (t.absenceEnd != null && t.absenceEnd.isAfter(until)) {
                t.absenceStart = null;
                t.absenceEnd = null;
            }
        }
        boolean died = finalReason == EndReason.DECEASED;
        boolean movedOn = finalReason == EndReason.MOVED_TO_OTHER_PERMANENT_HOUSING;
        LocalDate supportUntil = died || movedOn ? left : until;

        postSupport(participant, birth, enrolled, supportUntil, died, movedOn, !tenancies.isEmpty());
        postTenancies(participant, offered, firstDeclined ? secondOffer : null, tenancies);
        return !tenancies.isEmpty();
    }

    private void postSupport(
            Map<String, String> participant,
            LocalDate birth,
            LocalDate enrolled,
            LocalDate supportUntil,
            boolean died,
            boolean movedOn,
            boolean housed) {
        Map<String, Object> enrolment = new LinkedHashMap<>();
        enrolment.put("participant", participant);
        enrolment.put("programmeId", site.programme());
        enrolment.put("enrolledOn", enrolled.toString());
        enrolment.put("referralSource", pick(ReferralSource.values()).name());
        enrolment.put(
                "homelessnessSituation",
                site.country().equals("SE")
                        ? pick(new String[] {"SE_1_ACUTE", "SE_1_ACUTE", "SE_2_INSTITUTION_OR_SUPPORTED_HOUSING"})
                        : pick(new String[] {"NO_ROUGH_SLEEPING", "NO_EMERGENCY_SHELTER", "NO_TEMPORARY_PROVISION"}));
        enrolment.put(
                "homelessnessDuration", pick(HomelessnessDuration.values()).name());
        enrolment.put("birthYear", birth.getYear());
        int sex = random.nextInt(100);
        if (sex < 97) {
            enrolment.put("sex", sex < 30 ? "FEMALE" : sex < 95 ? "MALE" : "OTHER");
        }
        String id = support("/api/v1/enrolments", enrolment, "enrol")
                .get("participantId")
                .asString();
        String participantPath = "/api/v1/participants/" + id;
        support(
                participantPath + "/consents",
                Map.of("purpose", "NATIONAL_STATISTICS", "date", enrolled.toString()),
                "consent");
        String episode = support(
                        participantPath + "/support-episodes",
                        Map.of(
                                "startedOn",
                                enrolled.toString(),
                                "model",
                                random.nextInt(4) == 0 ? "ACT" : "ICM",
                                "plannedContactsPerMonth",
                                4 + random.nextInt(5)),
                        "episode")
                .get("episodeId")
                .asString();
        String episodePath = "/api/v1/support-episodes/" + episode;
        for (int o = 0; o < 2; o++) {
            LocalDate on = enrolled.plusDays(3 + random.nextInt(28) + 30L * o);
            if (on.plusDays(5).isAfter(supportUntil)) {
                break;
            }
            String offer = support(
                            episodePath + "/offers",
                            Map.of(
                                    "offeredOn",
                                    on.toString(),
                                    "serviceType",
                                    pick(SupportServiceType.values()).name()),
                            "offer-" + o)
                    .get("offerId")
                    .asString();
            LocalDate answered = on.plusDays(1 + random.nextInt(5));
            if (random.nextInt(100) < 25) {
                support(
                        episodePath + "/offers/" + offer + "/decline",
                        Map.of(
                                "declinedOn",
                                answered.toString(),
                                "reason",
                                pick(SupportDeclineReason.values()).name()),
                        "decline-" + o);
            } else {
                support(
                        episodePath + "/offers/" + offer + "/accept",
                        Map.of("acceptedOn", answered.toString()),
                        "accept-" + o);
            }
        }
        TreeMap<LocalDate, Integer> contacts = new TreeMap<>();
        LocalDate day = enrolled.plusDays(7 + random.nextInt(14));
        while (!day.isAfter(supportUntil)) {
            contacts.merge(day, 1, Integer::sum);
            long gap = ChronoUnit.DAYS.between(enrolled, day) < 365 ? 8 + random.nextInt(13) : 20 + random.nextInt(21);
            day = day.plusDays(gap);
        }
        int c = 0;
        for (LocalDate on : contacts.keySet()) {
            boolean missed = random.nextInt(10) == 0;
            support(
                    episodePath + "/contacts",
                    Map.of(
                            "contactedOn", on.toString(),
                            "mode", pick(ContactMode.values()).name(),
                            "durationMinutes", missed ? 0 : 20 + random.nextInt(70),
                            "staffRole", pick(StaffRole.values()).name(),
                            "missed", missed),
                    "contact-" + c++);
        }
        double wellbeing = random.nextGaussian() * 0.4;
        AssessmentTimepoint[] timepoints = {
            AssessmentTimepoint.BASELINE, AssessmentTimepoint.MONTH_6, AssessmentTimepoint.MONTH_12
        };
        for (int t = 0; t < timepoints.length; t++) {
            LocalDate on = enrolled.plusDays(182L * t + random.nextInt(14));
            if (on.isAfter(supportUntil) || (t > 0 && random.nextInt(10) < 2)) {
                continue;
            }
            double gain = housed ? 0.15 * t : 0.02 * t; // about 7 WHOQOL-BREF domain points a year when housed
            for (QualityOfLifeInstrument instrument :
                    new QualityOfLifeInstrument[] {QualityOfLifeInstrument.WHOQOL_BREF, QualityOfLifeInstrument.MANSA
                    }) {
                support(
                        participantPath + "/quality-of-life-assessments",
                        assessment(instrument, timepoints[t], on, wellbeing + gain),
                        "qol-" + instrument + "-" + t);
            }
        }
        if (random.nextInt(100) < 4) {
            LocalDate withdrawn =
                    enrolled.plusDays(random.nextLong(Math.max(1, ChronoUnit.DAYS.between(enrolled, supportUntil))));
            support(
                    participantPath + "/consent-withdrawals",
                    Map.of("purpose", "NATIONAL_STATISTICS", "date", withdrawn.toString()),
                    "withdraw");
        }
        if (died || movedOn) {
            support(
                    participantPath + "/exits",
                    Map.of(
                            "programmeId",
                            site.programme(),
                            "exitedOn",
                            supportUntil.toString(),
                            "exitReason",
                            died ? "DECEASED" : "NO_LONGER_NEEDS_SUPPORT",
                            "destinationCategory",
                            died ? "DECEASED" : "PERMANENT"),
                    "exit");
        }
    }

    private Map<String, Object> assessment(
            QualityOfLifeInstrument instrument, AssessmentTimepoint timepoint, LocalDate on, double level) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        boolean whoqol = instrument == QualityOfLifeInstrument.WHOQOL_BREF;
        int items = whoqol ? 26 : 12;
        for (int i = 1; i <= items; i++) {
            double centre = whoqol ? 2.8 + level : 3.6 + 1.5 * level;
            int max = whoqol ? 5 : 7;
            int answer = (int) Math.max(1, Math.min(max, Math.round(centre + random.nextGaussian() * 0.8)));
            answers.put((whoqol ? "Q" : "S") + i, whoqol && isReversed(i) ? 6 - answer : answer);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assessedOn", on.toString());
        body.put("instrument", instrument.name());
        body.put(
                "instrumentVersion",
                whoqol
                        ? (site.country().equals("SE") ? "WHOQOL-BREF-SV-1998" : "WHOQOL-BREF-NO-2004")
                        : (site.country().equals("SE") ? "MANSA-SV-1" : "MANSA-NO-1"));
        body.put("timepoint", timepoint.name());
        body.put("answers", answers);
        return body;
    }

    private static boolean isReversed(int item) {
        for (int reversed : WHOQOL_REVERSED) {
            if (reversed == item) {
                return true;
            }
        }
        return false;
    }

    private void postTenancies(
            Map<String, String> participant, LocalDate offered, LocalDate secondOffer, List<Tenancy> tenancies) {
        if (offered.isAfter(until)) {
            return;
        }
        String offer = tenancy(
                        "/api/v1/housing-offers",
                        Map.of(
                                "participant",
                                participant,
                                "offeredOn",
                                offered.toString(),
                                "housingType",
                                "SCATTERED_SITE",
                                "landlordType",
                                landlord()),
                        "housing-offer-0")
                .get("offerId")
                .asString();
        if (secondOffer != null) {
            LocalDate declined = offered.plusDays(1 + random.nextInt(7));
            if (declined.isAfter(until)) {
                return;
            }
            tenancy(
                    "/api/v1/housing-offers/" + offer + "/decline",
                    Map.of(
                            "declinedOn",
                            declined.toString(),
                            "reason",
                            pick(OfferDeclineReason.values()).name()),
                    "housing-decline");
            if (secondOffer.isAfter(until)) {
                return;
            }
            offer = tenancy(
                            "/api/v1/housing-offers",
                            Map.of(
                                    "participant",
                                    participant,
                                    "offeredOn",
                                    secondOffer.toString(),
                                    "housingType",
                                    "SCATTERED_SITE",
                                    "landlordType",
                                    landlord()),
                            "housing-offer-1")
                    .get("offerId")
                    .asString();
        }
        String previous = null;
        for (int i = 0; i < tenancies.size(); i++) {
            Tenancy t = tenancies.get(i);
            boolean firstHand = t.contract == ContractType.FIRST_HAND_LEASE;
            Map<String, Object> start = new LinkedHashMap<>();
            start.put("participant", participant);
            if (i == 0) {
                start.put("offerId", offer);
            }
            start.put("moveInDate", t.moveIn.toString());
            start.put("contractType", t.contract.name());
            start.put("securityOfTenure", firstHand ? "FULL" : "LIMITED");
            start.put("leaseHolder", firstHand ? "PARTICIPANT" : "MUNICIPALITY");
            start.put("housingType", "SCATTERED_SITE");
            start.put("landlordType", landlord());
            start.put("rehousing", i > 0);
            if (previous != null) {
                start.put("previousTenancyId", previous);
            }
            String id = tenancy("/api/v1/tenancies", start, "tenancy-" + i)
                    .get("tenancyId")
                    .asString();
            String path = "/api/v1/tenancies/" + id;
            boolean absenceFirst =
                    t.absenceStart != null && (t.converted == null || t.absenceStart.isBefore(t.converted));
            if (absenceFirst) {
                absence(path, t, i);
            }
            if (t.converted != null) {
                tenancy(
                        path + "/contract-conversions",
                        Map.of(
                                "convertedOn",
                                t.converted.toString(),
                                "toContractType",
                                "FIRST_HAND_LEASE",
                                "securityOfTenure",
                                "FULL",
                                "leaseHolder",
                                "PARTICIPANT"),
                        "convert-" + i);
            }
            if (t.absenceStart != null && !absenceFirst) {
                absence(path, t, i);
            }
            if (t.end != null) {
                tenancy(
                        path + "/end",
                        Map.of(
                                "endDate", t.end.toString(),
                                "endReason", t.reason.name(),
                                "destinationCategory", destination(t.reason).name(),
                                "initiatedBy", initiatedBy(t.reason)),
                        "end-" + i);
            }
            previous = id;
        }
    }

    private void absence(String path, Tenancy t, int i) {
        String absence = tenancy(
                        path + "/absences",
                        Map.of(
                                "startedOn",
                                t.absenceStart.toString(),
                                "absenceType",
                                pick(AbsenceType.values()).name()),
                        "absence-" + i)
                .get("absenceId")
                .asString();
        tenancy(path + "/absences/" + absence + "/end", Map.of("endedOn", t.absenceEnd.toString()), "absence-end-" + i);
    }

    private ContractType contract() {
        int r = random.nextInt(100);
        if (site.country().equals("SE")) {
            return r < 72
                    ? ContractType.FIRST_HAND_LEASE
                    : r < 88 ? ContractType.SECOND_HAND_WITH_TAKEOVER : ContractType.SECOND_HAND_SOCIAL;
        }
        return r < 60 ? ContractType.FIRST_HAND_LEASE : ContractType.MUNICIPAL_RENTAL;
    }

    private EndReason endReason() {
        int r = random.nextInt(100);
        return r < 45
                ? EndReason.EVICTION_RENT_ARREARS
                : r < 57
                        ? EndReason.EVICTION_DISTURBANCE
                        : r < 67
                                ? EndReason.ABANDONED
                                : r < 83
                                        ? EndReason.MOVED_TO_OTHER_PERMANENT_HOUSING
                                        : r < 95
                                                ? EndReason.REHOUSED_WITHIN_PROGRAMME
                                                : r < 98 ? EndReason.DECEASED : EndReason.LONG_TERM_CARE;
    }

    private static DestinationCategory destination(EndReason reason) {
        return switch (reason) {
            case MOVED_TO_OTHER_PERMANENT_HOUSING -> DestinationCategory.PERMANENT;
            case REHOUSED_WITHIN_PROGRAMME -> DestinationCategory.TEMPORARY;
            case DECEASED -> DestinationCategory.DECEASED;
            case LONG_TERM_CARE -> DestinationCategory.INSTITUTIONAL;
            case ABANDONED -> DestinationCategory.UNKNOWN;
            default -> DestinationCategory.HOMELESS;
        };
    }

    private static String initiatedBy(EndReason reason) {
        return switch (reason) {
            case EVICTION_RENT_ARREARS, EVICTION_DISTURBANCE -> "LANDLORD";
            case MOVED_TO_OTHER_PERMANENT_HOUSING, ABANDONED -> "TENANT";
            default -> "PROGRAMME";
        };
    }

    private String landlord() {
        return site.country().equals("SE") ? "PUBLIC_HOUSING" : "MUNICIPALITY";
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private JsonNode support(String path, Map<String, ?> body, String step) {
        return api.post(supportBase, path, token, body, key + step);
    }

    private JsonNode tenancy(String path, Map<String, ?> body, String step) {
        return api.post(tenancyBase, path, token, body, key + step);
    }

    private static final class Tenancy {
        final LocalDate moveIn;
        final ContractType contract;
        LocalDate converted;
        LocalDate absenceStart;
        LocalDate absenceEnd;
        LocalDate end;
        EndReason reason;

        Tenancy(LocalDate moveIn, ContractType contract) {
            this.moveIn = moveIn;
            this.contract = contract;
        }
    }
}
