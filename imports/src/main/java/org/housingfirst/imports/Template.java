package org.housingfirst.imports;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The import template: four kinds of file, each with Swedish and Norwegian column names (written with or without
 * å, ä, ö, æ and ø, in any case), and the API field each column fills. Values are the platform's codes, as in the
 * OpenAPI documents; dates are ISO 8601 (2026-03-01).
 */
enum Template {
    PARTICIPANTS(List.of(
            column("programmeId", "program", "program", true),
            column("enrolledOn", "inskrivningsdatum", "innskrivningsdato", true),
            column("referralSource", "remitterad_av", "henvist_av", true),
            column("homelessnessSituation", "hemloshetssituation", "bostedsloshetssituasjon", true),
            column("homelessnessDuration", "hemloshetens_langd", "bostedsloshetens_varighet", true),
            column("birthYear", "fodelsear", "fodselsar", true),
            column("sex", "kon", "kjonn", false))),
    TENANCIES(List.of(
            column("moveInDate", "inflyttningsdatum", "innflyttingsdato", true),
            column("contractType", "kontraktstyp", "kontraktstype", true),
            column("securityOfTenure", "besittningsskydd", "besittelsesvern", true),
            column("leaseHolder", "kontraktsinnehavare", "kontraktsinnehaver", true),
            column("housingType", "boendeform", "boform", true),
            column("landlordType", "hyresvard", "utleier", true),
            column("rehousing", "aterhusning", "ny_tildeling", true))),
    /** Support episodes and their contacts in one file: a row is one or the other, by its {@code typ}/{@code type}. */
    SUPPORT(List.of(
            column("kind", "typ", "type", true),
            column("episodeRow", "insatsens_rad_id", "oppfolgingens_rad_id", false),
            column("startedOn", "startdatum", "startdato", false),
            column("model", "modell", "modell", false),
            column("plannedContactsPerMonth", "planerade_kontakter_per_manad", "planlagte_kontakter_per_maned", false),
            column("contactedOn", "kontaktdatum", "kontaktdato", false),
            column("mode", "kontaktsatt", "kontaktform", false),
            column("durationMinutes", "minuter", "minutter", false),
            column("staffRole", "personalroll", "personellrolle", false),
            column("missed", "uteblev", "uteble", false))),
    /** Quality-of-life assessments: every column not named here is an item code with its answer. */
    ASSESSMENTS(List.of(
            column("assessedOn", "datum", "dato", true),
            column("instrument", "instrument", "instrument", true),
            column("instrumentVersion", "version", "versjon", true),
            column("timepoint", "tidpunkt", "tidspunkt", true)));

    /** A column: the API field it fills and its names in the two languages. */
    record Column(String field, String swedish, String norwegian, boolean required) {

        String name(Language language) {
            return language == Language.SWEDISH ? swedish : norwegian;
        }
    }

    enum Language {
        SWEDISH,
        NORWEGIAN
    }

    /** Every file has these: the row's own stable id, the person, and optionally the municipality. */
    static final Column ROW = column("row", "rad_id", "rad_id", true);

    static final Column MUNICIPALITY = column("municipality", "kommun", "kommune", false);

    /** The person's identity: one of these columns, which names its scheme. */
    static final Map<String, String> IDENTITY_COLUMNS = Map.of(
            "personnummer", "SE_PERSONNUMMER",
            "samordningsnummer", "SE_PERSONNUMMER",
            "fodselsnummer", "NO_FODSELSNUMMER",
            "d_nummer", "NO_FODSELSNUMMER",
            "lokal_referens", "LOCAL_REFERENCE",
            "lokal_referanse", "LOCAL_REFERENCE");

    private final List<Column> columns;

    Template(List<Column> columns) {
        this.columns = columns;
    }

    List<Column> columns() {
        return columns;
    }

    static Optional<Template> named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "participants", "deltagare", "deltakere" -> Optional.of(PARTICIPANTS);
            case "tenancies", "hyresavtal", "leieforhold" -> Optional.of(TENANCIES);
            case "support", "stod", "oppfolging" -> Optional.of(SUPPORT);
            case "assessments", "skattningar", "kartlegginger" -> Optional.of(ASSESSMENTS);
            default -> Optional.empty();
        };
    }

    /** A header as the template names it: lower case, no diacritics, words joined by {@code _}. */
    static String normalise(String header) {
        String lower = header.strip().toLowerCase(Locale.ROOT).replace("ø", "o").replace("æ", "ae");
        return Normalizer.normalize(lower, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[\\s-]+", "_");
    }

    private static Column column(String field, String swedish, String norwegian, boolean required) {
        return new Column(field, swedish, norwegian, required);
    }
}
