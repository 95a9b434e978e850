package org.housingfirst.outcomes.statistics;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What PxWebApi 2.0 adds to a table's JSON-stat metadata, in the places its specification gives them: the PC-Axis
 * keywords under {@code extension.px}, each dimension's elimination and value sets under its {@code extension}, a note
 * on each provisional quarter, and a link to the data.
 */
final class PxMetadata {

    private PxMetadata() {}

    static void extend(
            ObjectNode dataset,
            PxTables.View view,
            List<PxVariable> variables,
            StatisticsTexts texts,
            String dataHref) {
        ObjectNode extension = (ObjectNode) dataset.get("extension");
        List<String> periods = List.copyOf(view.periods().keySet());
        extension.put("firstPeriod", periods.getFirst());
        extension.put("lastPeriod", periods.getLast());
        extension.put("discontinued", false);
        ObjectNode px = extension.putObject("px");
        px.put("tableid", view.definition().id());
        px.put("matrix", view.definition().id());
        px.put("decimals", 1);
        px.put("official-statistics", false);
        px.put("aggregallowed", false);
        px.put("language", texts.language());
        px.put("contents", texts.title(view.definition()));
        px.put("subject-code", "HF");
        px.put("subject-area", texts.get("subject"));
        px.put("updateFrequency", "Quarterly");
        px.putArray("heading").add("contents");
        ArrayNode stub = px.putArray("stub");
        List.of("region", "breakdown", "period").forEach(stub::add);
        ObjectNode dimensions = (ObjectNode) dataset.get("dimension");
        for (PxVariable variable : variables) {
            ObjectNode dimension = (ObjectNode) dimensions.get(variable.code());
            ObjectNode own = dimension.putObject("extension");
            own.put("elimination", variable.elimination());
            if (variable.eliminationValueCode() != null) {
                own.put("eliminationValueCode", variable.eliminationValueCode());
            }
            own.put("show", "code_value");
            ArrayNode codeLists = own.putArray("codeLists");
            variable.codeLists().keySet().forEach(id -> {
                ObjectNode list = codeLists.addObject();
                list.put("id", id);
                list.put("label", PxTables.codeListLabel(view.definition().codeList(), id, texts));
                list.put("type", "Valueset");
                String href = dataHref.substring(0, dataHref.indexOf("/tables/")) + "/codelists/" + id + "?lang="
                        + texts.language();
                list.putArray("links")
                        .addObject()
                        .put("rel", "metadata")
                        .put("hreflang", texts.language())
                        .put("href", href);
            });
        }
        if (!view.provisional().isEmpty()) {
            ObjectNode category = (ObjectNode) dimensions.get("period").get("category");
            ObjectNode notes = category.putObject("note");
            view.provisional().forEach(code -> {
                if (category.get("index").has(code)) {
                    notes.putArray(code).add(texts.get("note.provisional"));
                }
            });
        }
        dataset.putObject("link")
                .putArray("alternate")
                .addObject()
                .put("type", "application/json")
                .put("href", dataHref);
    }
}
