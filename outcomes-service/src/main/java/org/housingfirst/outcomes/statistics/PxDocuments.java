package org.housingfirst.outcomes.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The PxWebApi 2.0 documents other than datasets, as the specification (PxTools/PxApiSpecs, PxAPI-2.yml) names their
 * fields. Datasets are JSON-stat 2.0, written by {@link TableDocuments}.
 */
final class PxDocuments {

    private PxDocuments() {}

    @Schema(name = "PxConfig", description = "The API's languages, formats and limits")
    record Config(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2.0")
            String apiVersion,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String appVersion,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<Language> languages,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "en")
            String defaultLanguage,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "most cells per data request")
            int maxDataCells,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "calls per client per timeWindow")
            int maxCallsPerTimeWindow,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "seconds")
            int timeWindow,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String license,

            List<SourceReference> sourceReferences,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "json-stat2")
            String defaultDataFormat,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<String> dataFormats,

            List<Feature> features) {}

    @Schema(name = "PxLanguage")
    record Language(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "sv")
            String id,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Svenska")
            String label) {}

    @Schema(name = "PxSourceReference")
    record SourceReference(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String language,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String text) {}

    @Schema(name = "PxFeature")
    record Feature(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String id,

            List<KeyValue> params) {}

    @Schema(name = "PxKeyValue")
    record KeyValue(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String key,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String value) {}

    @Schema(name = "PxLink")
    record Link(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String rel,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String hreflang,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String href) {}

    @Schema(name = "PxTable", description = "One table, as PxWebApi 2.0 lists it; language only on its own")
    record Table(
            @JsonInclude(JsonInclude.Include.NON_NULL) String language,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Table")
            String type,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "HF02_SE")
            String id,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String label,

            String description,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    nullable = true,
                    description = "when its figures last changed, ISO-8601")
            String updated,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "2022Q1")
            String firstPeriod,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "2026Q3")
            String lastPeriod,

            @Schema(example = "public") String category,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<String> variableNames,

            boolean discontinued,
            String source,
            String subjectCode,
            @Schema(example = "Quarterly") String timeUnit,
            List<String> tags,
            List<List<PathElement>> paths,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<Link> links) {}

    @Schema(name = "PxPathElement")
    record PathElement(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String id,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String label) {}

    @Schema(name = "PxPageInfo")
    record PageInfo(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            int pageNumber,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            int pageSize,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            int totalElements,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            int totalPages,

            List<Link> links) {}

    @Schema(name = "PxTablesResponse")
    record TablesResponse(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String language,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<Table> tables,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            PageInfo page,

            List<Link> links) {}

    /** A data request's body: what to select, and (accepted, not applied) how to place it. */
    @Schema(name = "PxVariablesSelection")
    record VariablesSelection(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Size(max = 16)
            List<@Valid @NotNull VariableSelection> selection,

            @Valid Placement placement) {}

    @Schema(name = "PxVariableSelection")
    record VariableSelection(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "region") @NotBlank @Size(max = 64)
            String variableCode,

            @Schema(nullable = true, example = "vs_SE_county") @Size(max = 64)
            String codeList,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"SE\", \"12*\"]")
            @NotNull
            @Size(max = 2000)
            List<@NotNull @Size(max = 64) String> valueCodes) {}

    @Schema(name = "PxPlacement")
    record Placement(
            @Size(max = 16) List<@Size(max = 64) String> heading,
            @Size(max = 16) List<@Size(max = 64) String> stub) {}

    @Schema(name = "PxSelectionResponse", description = "The selection a data request without one gets")
    record SelectionResponse(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String language,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<VariableSelection> selection,

            Placement placement,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<Link> links) {}

    @Schema(name = "PxCodeListResponse", description = "A value set of a table variable")
    record CodeListResponse(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "vs_SE_county")
            String id,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String label,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String language,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<String> languages,

            boolean elimination,
            @JsonInclude(JsonInclude.Include.NON_NULL) String eliminationValueCode,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Valueset")
            String type,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<ValueMap> values,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<Link> links) {}

    @Schema(name = "PxValueMap")
    record ValueMap(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String code,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String label,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<String> valueMap) {}
}
