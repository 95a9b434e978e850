package org.housingfirst.outcomes.statistics;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The shapes of the statistics responses, for the OpenAPI description only: {@link StatisticsController} and
 * {@link TableDocuments} write the documents themselves. The end-to-end tests read every response through a client
 * generated from the description, so a field written here and not there (or the other way) fails them.
 */
final class StatisticsDocuments {

    private StatisticsDocuments() {}

    @Schema(name = "TableList", description = "The tables offered, as PxWebApi 2.0's table list")
    record TableList(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String language,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<TableInfo> tables,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Page page,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<Link> links) {}

    @Schema(name = "Page")
    record Page(int pageNumber, int pageSize, int totalElements, int totalPages) {}

    @Schema(name = "Link")
    record Link(String rel, String href) {}

    @Schema(name = "TableInfo", description = "One table, as PxWebApi 2.0 describes it")
    record TableInfo(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String type,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "HF02_SE")
            String id,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String label,

            String description,
            @Schema(example = "2026Q1") String firstPeriod,
            @Schema(example = "2026Q3") String lastPeriod,
            String timeUnit,
            String category,
            boolean discontinued,
            String source,
            List<String> variableNames,
            List<Link> links) {}

    @Schema(
            name = "JsonStatDataset",
            description = "A JSON-stat 2.0 dataset: dimensions region, breakdown, period, contents; value null in"
                    + " metadata, and in data null for a suppressed cell, whose status is ':'")
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
                            "cell position to status: ':' suppressed, '.' no participants (rate), 'r' revised since the period's first release")
            Map<String, String> status,

            List<String> note,
            Extension extension) {}

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
