package org.housingfirst.outcomes.statistics;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The shapes of the statistics responses, for the OpenAPI description only: {@link PxWebApiController} and
 * {@link TableDocuments} write the documents themselves. The end-to-end tests read every response through a client
 * generated from the description, so a field written here and not there (or the other way) fails them.
 */
final class StatisticsDocuments {

    private StatisticsDocuments() {}

    @Schema(name = "Link")
    record Link(String rel, String href) {}

    @Schema(
            name = "JsonStatDataset",
            description = "A JSON-stat 2.0 dataset: dimensions region, breakdown, period, contents; in value, null"
                    + " for a cell suppressed (status ':') or not defined (status '.')")
    record JsonStatDataset(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2.0")
            String version,

            @JsonProperty("class") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "dataset")
            String datasetClass,

            String label,
            String source,

            @Schema(description = "when the newest figure was known, ISO-8601")
            String updated,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<String> id,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<Integer> size,

            Role role,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Map<String, Dimension> dimension,

            @Schema(description = "row-major over id; null entries are suppressed cells")
            List<BigDecimal> value,

            @Schema(
                    description =
                            "cell position to status: ':' suppressed, '.' no participants (rate), 'r' revised since the period's first release, 'p' provisional")
            Map<String, String> status,

            List<String> note,
            Extension extension) {}

    @Schema(
            name = "JsonStatMetadata",
            description =
                    "A table's metadata: a JSON-stat 2.0 dataset whose every value is missing, with PxWebApi 2.0's"
                            + " extensions")
    record JsonStatMetadata(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2.0")
            String version,

            @JsonProperty("class") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "dataset")
            String datasetClass,

            String label,
            String source,
            String updated,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<String> id,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<Integer> size,

            Role role,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Map<String, MetadataDimension> dimension,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "always empty: JSON-stat's sparse form of a dataset with every value missing")
            Map<String, BigDecimal> value,

            List<String> note,
            MetadataExtension extension,
            Map<String, List<JsonStatLink>> link) {}

    @Schema(name = "JsonStatMetadataDimension")
    record MetadataDimension(String label, MetadataCategory category, DimensionExtension extension) {}

    @Schema(name = "JsonStatMetadataCategory")
    record MetadataCategory(
            Map<String, Integer> index,
            Map<String, String> label,
            Map<String, Unit> unit,

            @Schema(description = "notes by value code: on each provisional quarter")
            Map<String, List<String>> note) {}

    @Schema(name = "PxDimensionExtension", description = "PxWebApi 2.0's words on a variable")
    record DimensionExtension(
            boolean elimination, String eliminationValueCode, String show, List<CodeListInformation> codeLists) {}

    @Schema(name = "PxCodeListInformation")
    record CodeListInformation(String id, String label, String type, List<PxDocuments.Link> links) {}

    @Schema(name = "JsonStatLink")
    record JsonStatLink(String type, String href) {}

    @Schema(name = "MetadataExtension", description = "What the platform and PxWebApi 2.0 add to a table's metadata")
    record MetadataExtension(
            String tableId,
            String definitionVersion,
            String disclosurePolicy,
            String codeListVersion,
            String codeListSource,
            Map<String, String> firstRelease,
            Map<String, Integer> unlistedParticipations,
            Map<String, ReleaseReference> release,
            String firstPeriod,
            String lastPeriod,
            boolean discontinued,
            PxKeywords px) {}

    @Schema(name = "PxKeywords", description = "PC-Axis keywords, as PxWebApi 2.0 puts them in extension.px")
    record PxKeywords(
            String tableid,
            String matrix,
            int decimals,
            @JsonProperty("official-statistics") boolean officialStatistics,
            boolean aggregallowed,
            String language,
            String contents,
            @JsonProperty("subject-code") String subjectCode,
            @JsonProperty("subject-area") String subjectArea,
            String updateFrequency,
            List<String> heading,
            List<String> stub) {}

    @Schema(name = "JsonStatRole")
    record Role(List<String> geo, List<String> time, List<String> metric) {}

    @Schema(name = "JsonStatDimension")
    record Dimension(String label, Category category) {}

    @Schema(name = "JsonStatCategory")
    record Category(Map<String, Integer> index, Map<String, String> label, Map<String, Unit> unit) {}

    @Schema(name = "JsonStatUnit")
    record Unit(String label, int decimals) {}

    @Schema(name = "TableExtension", description = "What the platform adds to a JSON-stat dataset")
    record Extension(
            String tableId,
            String definitionVersion,
            String disclosurePolicy,
            String codeListVersion,
            String codeListSource,

            @Schema(description = "period to the instant of its first release")
            Map<String, String> firstRelease,

            @Schema(description = "period to participations in no listed municipality")
            Map<String, Integer> unlistedParticipations,

            @Schema(description = "period to the release its cells come from")
            Map<String, ReleaseReference> release) {}

    @Schema(name = "ReleaseReference", description = "The release a period's cells come from")
    record ReleaseReference(
            @Schema(example = "SE-2026Q3-2") String id,
            int sequence,
            @Schema(description = "ISO-8601") String published,
            String note) {}

    @Schema(name = "ReleaseInfo", description = "One release: a country's national tables for one quarter, frozen")
    record ReleaseInfo(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "SE-2026Q3-2")
            String id,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "SE")
            String country,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026Q3")
            String period,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "1 for the first release, then each revision")
            int sequence,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "ISO-8601")
            String published,

            @Schema(description = "the release this one revises, if any")
            String revises,

            String disclosurePolicy,
            String codeListVersion,
            String note,
            List<String> tables,
            List<Link> links) {}

    @Schema(name = "ReleaseList", description = "Every release, by country, period and sequence")
    record ReleaseList(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<ReleaseInfo> releases) {}
}
