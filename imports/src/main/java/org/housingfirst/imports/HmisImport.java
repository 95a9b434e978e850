package org.housingfirst.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;

/**
 * Imports an HMIS CSV export (FY2024) through the services' bulk endpoints as the platform's own events
 * (docs/import-hmis.md): enrolments in permanent housing projects other than rapid re-housing, the move-in date as the
 * tenancy's start (household members inherit their head of household's), exits with their destination, and services
 * as support contacts. Every line's key is {@code hmis:<SourceID>:<kind>:<HMIS id>}, so an export imported again stores
 * nothing twice, and a record changed since its import is reported as a correction and stored nowhere. Usage:
 *
 * <pre>
 * java -jar imports.jar --kind hmis --file export.zip|export-directory --token eyJ...
 *     --contract-type PRIVATE_RENTAL --security-of-tenure FULL --lease-holder PARTICIPANT --landlord-type PRIVATE
 *     --support-model ICM --planned-contacts-per-month 4 [--tenancy url] [--support url] [--dry-run]
 * </pre>
 *
 * <p>HMIS records neither the lease nor the support model, which the platform requires: the programme states them once
 * per import. The report names records by file, line and HMIS id, never a value of the export.
 */
public final class HmisImport {

    /** What HMIS does not record and the programme states for the whole import. */
    public record Programme(
            String contractType,
            String securityOfTenure,
            String leaseHolder,
            String landlordType,
            String supportModel,
            int plannedContactsPerMonth) {}

    /** What became of one record of the export. */
    public record Outcome(String file, int line, String id, String step, String result, String detail) {}

    record Project(String id, int type, Integer housingType) {}

    record Client(int line, String id, Integer birthYear, String sex) {}

    record Enrollment(
            int line,
            String id,
            String personalId,
            String projectId,
            LocalDate entry,
            String householdId,
            Integer relationshipToHoH,
            Integer livingSituation,
            LocalDate homelessSince,
            Integer referralSource,
            LocalDate moveIn) {}

    record Exit(int line, String id, String enrollmentId, LocalDate date, int destination) {}

    record Service(int line, String id, String enrollmentId, LocalDate date, int recordType, Integer typeProvided) {}

    /** The export, read: records deleted in the source HMIS ({@code DateDeleted}) are left out. */
    record Export(
            String source,
            Map<String, Project> projects,
            Map<String, Client> clients,
            List<Enrollment> enrollments,
            Map<String, Exit> exits,
            List<Service> services,
            List<Outcome> unreadable) {}

    private static final List<DateTimeFormatter> DATES =
            List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT));
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final String tenancy;
    private final String support;
    private final boolean dryRun;
    private final Bulk bulk;
    private final String country;
    private final Programme programme;

    public HmisImport(String tenancy, String support, String token, Programme programme, boolean dryRun) {
        this.tenancy = tenancy;
        this.support = support;
        this.dryRun = dryRun;
        this.bulk = new Bulk(token);
        this.country = CsvImport.municipalityOf(token).substring(0, 2);
        this.programme = programme;
    }

    static void main(Map<String, String> options) {
        List<String> missing = new ArrayList<>();
        for (String required : List.of(
                "file",
                "token",
                "contract-type",
                "security-of-tenure",
                "lease-holder",
                "landlord-type",
                "support-model",
                "planned-contacts-per-month")) {
            if (!options.containsKey(required)) {
                missing.add("--" + required);
            }
        }
        if (!missing.isEmpty()) {
            System.err.println(
                    "usage: --kind hmis --file <export.zip or directory> --token <jwt> --contract-type <code>"
                            + " --security-of-tenure <code> --lease-holder <code> --landlord-type <code> --support-model <code>"
                            + " --planned-contacts-per-month <n> [--tenancy <url>] [--support <url>] [--dry-run]");
            System.err.println("missing: " + String.join(", ", missing)
                    + " (HMIS records neither the lease nor the support model; the programme states them)");
            System.exit(1);
        }
        try {
            Programme programme = new Programme(
                    options.get("contract-type"),
                    options.get("security-of-tenure"),
                    options.get("lease-holder"),
                    options.get("landlord-type"),
                    options.get("support-model"),
                    Integer.parseInt(options.get("planned-contacts-per-month")));
            List<Outcome> outcomes = new HmisImport(
                            options.getOrDefault("tenancy", "http://127.0.0.1:8081"),
                            options.getOrDefault("support", "http://127.0.0.1:8082"),
                            options.get("token"),
                            programme,
                            options.containsKey("dry-run"))
                    .run(Path.of(options.get("file")));
            System.exit(report(outcomes, System.out) ? 0 : 2);
        } catch (Bulk.ImportFailed | IOException | NumberFormatException e) {
            System.err.println("Import failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Reads the export and imports it; one outcome per record and step, in the order the steps ran. */
    public List<Outcome> run(Path export) throws IOException {
        return send(read(export));
    }

    // ---- the steps ----

    private List<Outcome> send(Export export) {
        List<Outcome> outcomes = new ArrayList<>(export.unreadable());
        String key = "hmis:" + export.source() + ":";

        // 1. enrolments, in permanent housing projects but RRH
        List<Enrollment> enrolled = new ArrayList<>();
        List<Step> enrolments = new ArrayList<>();
        for (Enrollment enrollment : export.enrollments()) {
            Project project = export.projects().get(enrollment.projectId());
            if (project == null) {
                outcomes.add(outcome(enrollment, "enrolment", "problem", "ProjectID: names no project of Project.csv"));
                continue;
            }
            if (!HmisCodes.PERMANENT_HOUSING_NOT_RRH.contains(project.type())) {
                outcomes.add(outcome(
                        enrollment,
                        "enrolment",
                        "skipped",
                        "project type " + project.type() + " is not permanent housing other than rapid re-housing"));
                continue;
            }
            Client client = export.clients().get(enrollment.personalId());
            List<String> problems = new ArrayList<>();
            Optional<String> situation = enrollment.livingSituation() == null
                    ? Optional.empty()
                    : HmisCodes.homelessnessSituation(enrollment.livingSituation(), country);
            if (client == null) {
                problems.add("PersonalID: names no client of Client.csv");
            } else if (client.birthYear() == null) {
                problems.add("Client.csv DOB: required, for the birth year");
            }
            if (situation.isEmpty()) {
                problems.add("LivingSituation: not a homeless, institutional or temporary situation; the platform"
                        + " needs the homelessness situation at entry");
            }
            if (!programmeId(project).matches("(?=[a-z])(?!(?:[^0-9]*[0-9]){7})[a-z0-9-]{1,64}")) {
                problems.add("ProjectID: becomes no programme id (letters, digits and dashes, at most six digits)");
            }
            if (!problems.isEmpty()) {
                outcomes.add(outcome(enrollment, "enrolment", "problem", String.join("; ", problems)));
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("participant", participant(enrollment));
            body.put("programmeId", programmeId(project));
            body.put("enrolledOn", enrollment.entry().toString());
            body.put("referralSource", HmisCodes.referralSource(enrollment.referralSource()));
            body.put("homelessnessSituation", situation.orElseThrow());
            body.put("homelessnessDuration", homelessnessDuration(enrollment));
            body.put("birthYear", client.birthYear());
            if (client.sex() != null) {
                body.put("sex", client.sex());
            }
            enrolments.add(new Step(
                    "Enrollment.csv",
                    enrollment.line(),
                    enrollment.id(),
                    "enrolment",
                    key + "enrolment:" + enrollment.id(),
                    "/api/v1/enrolments",
                    body));
            enrolled.add(enrollment);
        }
        List<JsonNode> results = run(support, enrolments, outcomes);
        Map<String, String> participants =
                ids(results, enrolled.stream().map(Enrollment::id).toList(), "participantId");
        for (int i = 0; i < enrolled.size(); i++) {
            if (Bulk.judge(results.get(i)).result().equals("correction")) {
                // enrolled before, with other values: the later steps still name the person
                Map<String, String> person = participant(enrolled.get(i));
                String id = bulk.participantId(tenancy, person.get("scheme"), person.get("value"));
                if (id != null) {
                    participants.put(enrolled.get(i).id(), id);
                }
            }
        }

        Map<String, String> enrolledIds = Map.copyOf(participants);
        if (dryRun) {
            // nothing was stored: the steps that name a participant's id are checked when the export is imported
            participants.clear();
        }

        // 2. move-in dates as tenancies, household members inheriting their head's
        Map<String, LocalDate> moveIns = moveInDates(enrolled, export.exits());
        List<Step> tenancies = new ArrayList<>();
        List<Enrollment> housed = new ArrayList<>();
        Map<String, LocalDate> earlierMoveIn = new HashMap<>();
        for (Enrollment enrollment : enrolled.stream()
                .sorted(Comparator.comparing(Enrollment::entry))
                .toList()) {
            LocalDate moveIn = moveIns.get(enrollment.id());
            if (moveIn == null) {
                continue;
            }
            if (!enrolledIds.containsKey(enrollment.id())) {
                outcomes.add(outcome(enrollment, "move-in", "not checked", "its enrolment was refused"));
                continue;
            }
            Project project = export.projects().get(enrollment.projectId());
            Optional<String> housingType = HmisCodes.housingType(project.housingType());
            if (housingType.isEmpty()) {
                outcomes.add(outcome(enrollment, "move-in", "problem", "Project.csv HousingType: must be 1, 2 or 3"));
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("participant", participant(enrollment));
            body.put("moveInDate", moveIn.toString());
            body.put("contractType", programme.contractType());
            body.put("securityOfTenure", programme.securityOfTenure());
            body.put("leaseHolder", programme.leaseHolder());
            body.put("housingType", housingType.orElseThrow());
            body.put("landlordType", programme.landlordType());
            body.put("rehousing", earlierMoveIn.containsKey(enrollment.personalId()));
            earlierMoveIn.put(enrollment.personalId(), moveIn);
            tenancies.add(new Step(
                    "Enrollment.csv",
                    enrollment.line(),
                    enrollment.id(),
                    "move-in",
                    key + "move-in:" + enrollment.id(),
                    "/api/v1/tenancies",
                    body));
            housed.add(enrollment);
        }
        List<String> housedIds = housed.stream().map(Enrollment::id).toList();
        List<JsonNode> moveInResults = run(tenancy, tenancies, outcomes);
        Map<String, String> tenancyIds = ids(moveInResults, housedIds, "tenancyId");
        Map<String, Step> moveInSteps = new HashMap<>();
        Set<String> correctable = new LinkedHashSet<>();
        for (int i = 0; i < housedIds.size(); i++) {
            moveInSteps.put(housedIds.get(i), tenancies.get(i));
            JsonNode result = moveInResults.get(i);
            if (Bulk.judge(result).result().equals("correction") && result.hasNonNull("location")) {
                // moved in on another day, or under another lease, than first imported: corrected below
                String location = result.get("location").asString();
                tenancyIds.put(housedIds.get(i), location.substring(location.lastIndexOf('/') + 1));
                correctable.add(housedIds.get(i));
            }
        }

        // 3. services as contacts, in one support episode per enrolment
        Map<String, List<Service>> contacts = new LinkedHashMap<>();
        Map<String, Enrollment> byId = new HashMap<>();
        enrolled.forEach(e -> byId.put(e.id(), e));
        for (Service service : export.services()) {
            Enrollment enrollment = byId.get(service.enrollmentId());
            if (enrollment == null) {
                continue;
            }
            if (!HmisCodes.CONTACT_RECORD_TYPES.contains(service.recordType())) {
                outcomes.add(new Outcome(
                        "Services.csv",
                        service.line(),
                        service.id(),
                        "contact",
                        "skipped",
                        "record type " + service.recordType() + " is not a contact with the person"));
                continue;
            }
            contacts.computeIfAbsent(enrollment.id(), k -> new ArrayList<>()).add(service);
        }
        List<Step> episodes = new ArrayList<>();
        List<String> episodeOf = new ArrayList<>();
        for (String enrollmentId : contacts.keySet()) {
            Enrollment enrollment = byId.get(enrollmentId);
            if (!participants.containsKey(enrollmentId)) {
                outcomes.add(outcome(enrollment, "support episode", "not checked", unstored("enrolment")));
                continue;
            }
            episodes.add(new Step(
                    "Enrollment.csv",
                    enrollment.line(),
                    enrollmentId,
                    "support episode",
                    key + "episode:" + enrollmentId,
                    "/api/v1/participants/" + participants.get(enrollmentId) + "/support-episodes",
                    Map.of(
                            "startedOn",
                            enrollment.entry().toString(),
                            "model",
                            programme.supportModel(),
                            "plannedContactsPerMonth",
                            programme.plannedContactsPerMonth())));
            episodeOf.add(enrollmentId);
        }
        Map<String, String> episodeIds = ids(run(support, episodes, outcomes), episodeOf, "episodeId");
        List<Step> contactSteps = new ArrayList<>();
        contacts.forEach((enrollmentId, services) -> {
            for (Service service : services) {
                if (!episodeIds.containsKey(enrollmentId)) {
                    outcomes.add(new Outcome(
                            "Services.csv",
                            service.line(),
                            service.id(),
                            "contact",
                            "not checked",
                            unstored("support episode")));
                    continue;
                }
                contactSteps.add(new Step(
                        "Services.csv",
                        service.line(),
                        service.id(),
                        "contact",
                        key + "contact:" + service.id(),
                        "/api/v1/support-episodes/" + episodeIds.get(enrollmentId) + "/contacts",
                        Map.of(
                                "contactedOn",
                                service.date().toString(),
                                "mode",
                                HmisCodes.contactMode(service.recordType(), service.typeProvided()),
                                "durationMinutes",
                                0,
                                "staffRole",
                                "OTHER",
                                "missed",
                                false)));
            }
        });
        run(support, contactSteps, outcomes);

        // 4. exits: the episode ends, the tenancy ends, the person leaves the programme
        List<Step> supportEnds = new ArrayList<>();
        List<Step> tenancyEnds = new ArrayList<>();
        List<String> endOf = new ArrayList<>();
        for (Enrollment enrollment : enrolled) {
            Exit exit = export.exits().get(enrollment.id());
            if (exit == null) {
                continue;
            }
            if (!participants.containsKey(enrollment.id())) {
                outcomes.add(
                        new Outcome("Exit.csv", exit.line(), exit.id(), "exit", "not checked", unstored("enrolment")));
                continue;
            }
            int destination = exit.destination();
            if (episodeIds.containsKey(enrollment.id())) {
                supportEnds.add(new Step(
                        "Exit.csv",
                        exit.line(),
                        exit.id(),
                        "support episode end",
                        key + "episode-end:" + exit.id(),
                        "/api/v1/support-episodes/" + episodeIds.get(enrollment.id()) + "/end",
                        Map.of("endedOn", exit.date().toString(), "reason", HmisCodes.episodeEndReason(destination))));
            }
            if (tenancyIds.containsKey(enrollment.id())) {
                endOf.add(enrollment.id());
                tenancyEnds.add(new Step(
                        "Exit.csv",
                        exit.line(),
                        exit.id(),
                        "tenancy end",
                        key + "tenancy-end:" + exit.id(),
                        "/api/v1/tenancies/" + tenancyIds.get(enrollment.id()) + "/end",
                        Map.of(
                                "endDate",
                                exit.date().toString(),
                                "endReason",
                                HmisCodes.endReason(destination),
                                "destinationCategory",
                                HmisCodes.destinationCategory(destination),
                                "initiatedBy",
                                HmisCodes.initiatedBy(destination))));
            }
            supportEnds.add(new Step(
                    "Exit.csv",
                    exit.line(),
                    exit.id(),
                    "exit",
                    key + "exit:" + exit.id(),
                    "/api/v1/participants/" + participants.get(enrollment.id()) + "/exits",
                    Map.of(
                            "exitedOn",
                            exit.date().toString(),
                            "programmeId",
                            programmeId(export.projects().get(enrollment.projectId())),
                            "exitReason",
                            HmisCodes.exitReason(destination),
                            "destinationCategory",
                            HmisCodes.destinationCategory(destination))));
        }
        List<JsonNode> endResults = run(tenancy, tenancyEnds, outcomes);
        Map<String, Step> ends = new HashMap<>();
        for (int i = 0; i < tenancyEnds.size(); i++) {
            String enrollmentId = endOf.get(i);
            ends.put(enrollmentId, tenancyEnds.get(i));
            if (Bulk.judge(endResults.get(i)).result().equals("correction")) {
                correctable.add(enrollmentId);
            }
        }
        run(support, supportEnds, outcomes);

        // 5. a changed move-in or tenancy end: one correction of the tenancy, restating its start and its end
        correct(key, correctable, moveInSteps, ends, tenancyIds, outcomes);
        return outcomes;
    }

    /**
     * Records a correction of each tenancy whose move-in or end changed since its import, with the values the export
     * now gives (POST /api/v1/tenancies/{id}/corrections); the steps reported as {@code correction} take its result.
     */
    private void correct(
            String key,
            Set<String> correctable,
            Map<String, Step> moveIns,
            Map<String, Step> ends,
            Map<String, String> tenancyIds,
            List<Outcome> outcomes) {
        List<String> corrected = new ArrayList<>();
        List<Bulk.Line> lines = new ArrayList<>();
        for (String enrollmentId : correctable) {
            Step moveIn = moveIns.get(enrollmentId);
            Map<String, Object> body = new LinkedHashMap<>(moveIn.body());
            body.remove("participant");
            if (ends.containsKey(enrollmentId)) {
                body.put("end", ends.get(enrollmentId).body());
            }
            lines.add(Bulk.correction(
                    moveIn.line(),
                    key + "tenancy:" + enrollmentId,
                    "/api/v1/tenancies/" + tenancyIds.get(enrollmentId),
                    body));
            corrected.add(enrollmentId);
        }
        if (lines.isEmpty()) {
            return;
        }
        List<JsonNode> results = bulk.send(tenancy, lines, dryRun);
        for (int i = 0; i < corrected.size(); i++) {
            Bulk.Result judged = Bulk.corrected(results.get(i));
            Step moveIn = moveIns.get(corrected.get(i));
            Step end = ends.get(corrected.get(i));
            outcomes.replaceAll(o -> o.result().equals("correction") && (matches(o, moveIn) || matches(o, end))
                    ? new Outcome(o.file(), o.line(), o.id(), o.step(), judged.result(), judged.detail())
                    : o);
        }
    }

    private static boolean matches(Outcome outcome, Step step) {
        return step != null
                && outcome.file().equals(step.file())
                && outcome.line() == step.line()
                && outcome.step().equals(step.step());
    }

    /** One bulk line and the record it came from. */
    private record Step(
            String file, int line, String id, String step, String key, String path, Map<String, Object> body) {}

    /** Sends the steps; adds one outcome each and returns the results in order. */
    private List<JsonNode> run(String base, List<Step> steps, List<Outcome> outcomes) {
        if (steps.isEmpty()) {
            return List.of();
        }
        List<Bulk.Line> lines = new ArrayList<>();
        for (Step step : steps) {
            lines.add(new Bulk.Line(step.line(), step.key(), step.path(), step.body()));
        }
        List<JsonNode> results = bulk.send(base, lines, dryRun);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Bulk.Result judged = Bulk.judge(results.get(i));
            outcomes.add(
                    new Outcome(step.file(), step.line(), step.id(), step.step(), judged.result(), judged.detail()));
        }
        return results;
    }

    /** The id each stored or replayed line's answer names, by the key of the record it came from. */
    private static Map<String, String> ids(List<JsonNode> results, List<String> keys, String field) {
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            JsonNode body = Bulk.judge(results.get(i)).body();
            if (body.hasNonNull(field)) {
                ids.put(keys.get(i), body.get(field).asString());
            }
        }
        return ids;
    }

    /** Why a step that needs the id of an earlier one was not sent. */
    private String unstored(String what) {
        return dryRun
                ? "checked at the import: it needs its " + what + "'s id, which a dry run does not store"
                : "its " + what + " is not stored";
    }

    private static Outcome outcome(Enrollment enrollment, String step, String result, String detail) {
        return new Outcome("Enrollment.csv", enrollment.line(), enrollment.id(), step, result, detail);
    }

    private static Map<String, String> participant(Enrollment enrollment) {
        return Map.of("scheme", "LOCAL_REFERENCE", "value", "hmis-" + enrollment.personalId());
    }

    private static String programmeId(Project project) {
        return "hmis-" + project.id().toLowerCase(Locale.ROOT);
    }

    /** From the approximate start of this episode of homelessness (3.917.3) to entry; UNKNOWN without it. */
    static String homelessnessDuration(Enrollment enrollment) {
        if (enrollment.homelessSince() == null || enrollment.homelessSince().isAfter(enrollment.entry())) {
            return "UNKNOWN";
        }
        Period period = Period.between(enrollment.homelessSince(), enrollment.entry());
        long months = period.toTotalMonths();
        if (months < 3) {
            return "LESS_THAN_3_MONTHS";
        }
        if (months < 12) {
            return "MONTHS_3_TO_12";
        }
        if (months < 24) {
            return "YEARS_1_TO_2";
        }
        return months < 60 ? "YEARS_2_TO_5" : "MORE_THAN_5_YEARS";
    }

    /**
     * Each enrolment's move-in date, by HUD's household rule: a head of household (RelationshipToHoH 1) moves in on
     * their own MoveInDate; another member of the household (same HouseholdID and project) on the head's move-in date,
     * or on their own entry date if they joined later. A member who left before the head moved in never moved in, and
     * a move-in after the exit, or before the entry, is none.
     */
    static Map<String, LocalDate> moveInDates(List<Enrollment> enrollments, Map<String, Exit> exits) {
        Map<String, LocalDate> heads = new HashMap<>();
        for (Enrollment enrollment : enrollments) {
            if (Integer.valueOf(1).equals(enrollment.relationshipToHoH()) && enrollment.moveIn() != null) {
                heads.put(enrollment.projectId() + "|" + enrollment.householdId(), enrollment.moveIn());
            }
        }
        Map<String, LocalDate> moveIns = new HashMap<>();
        for (Enrollment enrollment : enrollments) {
            LocalDate moveIn;
            if (Integer.valueOf(1).equals(enrollment.relationshipToHoH()) || enrollment.householdId() == null) {
                moveIn = enrollment.moveIn();
            } else {
                LocalDate head = heads.get(enrollment.projectId() + "|" + enrollment.householdId());
                moveIn = head == null ? null : head.isBefore(enrollment.entry()) ? enrollment.entry() : head;
            }
            Exit exit = exits.get(enrollment.id());
            if (moveIn == null || moveIn.isBefore(enrollment.entry()) || exit != null && moveIn.isAfter(exit.date())) {
                continue;
            }
            moveIns.put(enrollment.id(), moveIn);
        }
        return moveIns;
    }

    // ---- reading the export ----

    /** Reads the export's files from a directory or a zip archive. */
    Export read(Path export) throws IOException {
        Map<String, String> files = new HashMap<>();
        if (Files.isDirectory(export)) {
            for (String name :
                    List.of("Export.csv", "Project.csv", "Client.csv", "Enrollment.csv", "Exit.csv", "Services.csv")) {
                Path file = export.resolve(name);
                if (Files.exists(file)) {
                    files.put(name, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } else {
            try (InputStream in = Files.newInputStream(export);
                    ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    String name = Path.of(entry.getName()).getFileName().toString();
                    if (!entry.isDirectory() && name.endsWith(".csv")) {
                        files.put(name, new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of("Export.csv", "Project.csv", "Client.csv", "Enrollment.csv", "Exit.csv")) {
            if (!files.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new Bulk.ImportFailed("not an HMIS CSV export: missing " + missing);
        }
        List<Outcome> unreadable = new ArrayList<>();
        List<Table> export1 = table(files, "Export.csv", List.of("ExportID", "CSVVersion"));
        if (export1.size() != 1) {
            throw new Bulk.ImportFailed("Export.csv: must hold exactly one row");
        }
        Table header = export1.getFirst();
        String version = header.text("CSVVersion");
        if (version == null || !version.startsWith("2024")) {
            throw new Bulk.ImportFailed("Export.csv CSVVersion: the import reads FY2024 exports (2024 v1.x)");
        }
        String source = Optional.ofNullable(header.text("SourceID")).orElse(header.text("ExportID"));
        if (source == null || !source.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new Bulk.ImportFailed("Export.csv SourceID: must be 1 to 32 letters, digits, '.', '_' or '-'");
        }

        Map<String, Project> projects = new HashMap<>();
        for (Table row : table(files, "Project.csv", List.of("ProjectID", "ProjectType", "HousingType"))) {
            Integer type = row.integer("ProjectType");
            row.integer("HousingType");
            if (row.text("ProjectID") == null || type == null || row.unreadable()) {
                unreadable.add(row.problem("ProjectID and ProjectType: required"));
                continue;
            }
            projects.put(row.text("ProjectID"), new Project(row.text("ProjectID"), type, row.integer("HousingType")));
        }
        Map<String, Client> clients = new HashMap<>();
        for (Table row : table(files, "Client.csv", List.of("PersonalID", "DOB"))) {
            LocalDate born = row.date("DOB");
            if (row.text("PersonalID") == null || row.unreadable()) {
                unreadable.add(row.problem("PersonalID: required"));
                continue;
            }
            String sex = Integer.valueOf(1).equals(row.integer("Woman"))
                            && !Integer.valueOf(1).equals(row.integer("Man"))
                    ? "FEMALE"
                    : Integer.valueOf(1).equals(row.integer("Man"))
                                    && !Integer.valueOf(1).equals(row.integer("Woman"))
                            ? "MALE"
                            : null;
            clients.put(
                    row.text("PersonalID"),
                    new Client(row.line(), row.text("PersonalID"), born == null ? null : born.getYear(), sex));
        }
        List<Enrollment> enrollments = new ArrayList<>();
        for (Table row : table(
                files,
                "Enrollment.csv",
                List.of(
                        "EnrollmentID",
                        "PersonalID",
                        "ProjectID",
                        "EntryDate",
                        "HouseholdID",
                        "RelationshipToHoH",
                        "LivingSituation",
                        "MoveInDate"))) {
            Enrollment enrollment = new Enrollment(
                    row.line(),
                    row.text("EnrollmentID"),
                    row.text("PersonalID"),
                    row.text("ProjectID"),
                    row.date("EntryDate"),
                    row.text("HouseholdID"),
                    row.integer("RelationshipToHoH"),
                    row.integer("LivingSituation"),
                    row.date("DateToStreetESSH"),
                    row.integer("ReferralSource"),
                    row.date("MoveInDate"));
            if (enrollment.id() == null
                    || enrollment.personalId() == null
                    || enrollment.entry() == null
                    || row.unreadable()) {
                unreadable.add(row.problem("EnrollmentID, PersonalID and EntryDate: required"));
                continue;
            }
            enrollments.add(enrollment);
        }
        Map<String, Exit> exits = new HashMap<>();
        for (Table row : table(files, "Exit.csv", List.of("ExitID", "EnrollmentID", "ExitDate", "Destination"))) {
            if (row.text("ExitID") == null
                    || row.text("EnrollmentID") == null
                    || row.date("ExitDate") == null
                    || row.integer("Destination") == null
                    || row.unreadable()) {
                unreadable.add(row.problem("ExitID, EnrollmentID, ExitDate and Destination: required"));
                continue;
            }
            exits.put(
                    row.text("EnrollmentID"),
                    new Exit(
                            row.line(),
                            row.text("ExitID"),
                            row.text("EnrollmentID"),
                            row.date("ExitDate"),
                            row.integer("Destination")));
        }
        List<Service> services = new ArrayList<>();
        if (files.containsKey("Services.csv")) {
            for (Table row :
                    table(files, "Services.csv", List.of("ServicesID", "EnrollmentID", "DateProvided", "RecordType"))) {
                row.integer("TypeProvided");
                if (row.text("ServicesID") == null
                        || row.text("EnrollmentID") == null
                        || row.date("DateProvided") == null
                        || row.integer("RecordType") == null
                        || row.unreadable()) {
                    unreadable.add(row.problem("ServicesID, EnrollmentID, DateProvided and RecordType: required"));
                    continue;
                }
                services.add(new Service(
                        row.line(),
                        row.text("ServicesID"),
                        row.text("EnrollmentID"),
                        row.date("DateProvided"),
                        row.integer("RecordType"),
                        row.integer("TypeProvided")));
            }
        }
        return new Export(source, projects, clients, enrollments, exits, services, unreadable);
    }

    /** One row of a file, read by column name; a value that cannot be read is noted and read as blank. */
    static final class Table {
        private final String file;
        private final CSVRecord record;
        private final List<String> problems = new ArrayList<>();

        Table(String file, CSVRecord record) {
            this.file = file;
            this.record = record;
        }

        int line() {
            return (int) record.getRecordNumber() + 1;
        }

        String text(String column) {
            if (!record.isMapped(column)
                    || !record.isSet(column)
                    || record.get(column).isBlank()) {
                return null;
            }
            return record.get(column).strip();
        }

        Integer integer(String column) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            if (!text.matches("-?\\d{1,9}")) {
                problems.add(column);
                return null;
            }
            return Integer.parseInt(text);
        }

        LocalDate date(String column) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            String day = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) : text;
            for (DateTimeFormatter format : DATES) {
                try {
                    LocalDate date = LocalDate.parse(day, format);
                    if (date.isBefore(EARLIEST) || date.isAfter(LocalDate.now().plusYears(1))) {
                        problems.add(column);
                        return null;
                    }
                    return date;
                } catch (DateTimeParseException e) {
                    // the other form
                }
            }
            problems.add(column);
            return null;
        }

        /** True when a value read so far was not a number or a plausible date. */
        boolean unreadable() {
            return !problems.isEmpty();
        }

        Outcome problem(String detail) {
            String named = problems.isEmpty() ? "" : " (unreadable: " + String.join(", ", problems) + ")";
            return new Outcome(file, line(), null, "read", "problem", detail + named);
        }
    }

    private static List<Table> table(Map<String, String> files, String name, List<String> required) {
        String text = files.get(name).replace("\uFEFF", "");
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<String> missing = required.stream()
                    .filter(c -> !parser.getHeaderNames().contains(c))
                    .toList();
            if (!missing.isEmpty()) {
                throw new Bulk.ImportFailed(name + ": missing columns " + missing);
            }
            List<Table> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Table row = new Table(name, record);
                if (row.text("DateDeleted") == null) {
                    rows.add(row);
                }
            }
            return rows;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new Bulk.ImportFailed(name + ": not readable as CSV: " + e.getMessage());
        }
    }

    /** Prints the report; true when no record was refused or a correction. */
    public static boolean report(List<Outcome> outcomes, PrintStream out) {
        return Bulk.report(
                outcomes,
                Outcome::result,
                o -> String.format(
                        Locale.ROOT,
                        "%s line %d, %s %s: %s%s",
                        o.file(),
                        o.line(),
                        o.step(),
                        o.id() == null ? "-" : o.id(),
                        o.result(),
                        o.detail() == null ? "" : " — " + o.detail()),
                out);
    }
}
