package org.housingfirst.support.dataprotection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/** The subject access export as one readable HTML page, with everything the JSON holds, escaped. */
final class SubjectAccessPage {

    private SubjectAccessPage() {}

    static String render(JsonNode export) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Subject access export</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;")
                .append("margin-bottom:1.5em}td,th{border:1px solid #999;padding:.25em .5em;vertical-align:top;")
                .append("text-align:left}th{background:#eee}</style></head><body>\n")
                .append("<h1>Subject access export</h1>\n<p>")
                .append(text(export.get("about")))
                .append("</p>\n<dl><dt>Exported</dt><dd>")
                .append(text(export.get("exportedAt")))
                .append("</dd><dt>Municipality</dt><dd>")
                .append(text(export.get("country")))
                .append('-')
                .append(text(export.get("municipality")))
                .append("</dd><dt>Participant id</dt><dd>")
                .append(text(export.get("participantId")))
                .append("</dd></dl>\n");
        for (JsonNode service : export.get("services")) {
            html.append("<h2>").append(text(service.get("service"))).append("</h2>\n");
            html.append("<h3>Events (").append(service.get("events").size()).append(")</h3>\n");
            table(html, service.get("events"));
            for (var table : service.get("records").properties()) {
                html.append("<h3>Records: ")
                        .append(escape(table.getKey()))
                        .append(" (")
                        .append(table.getValue().size())
                        .append(")</h3>\n");
                table(html, table.getValue());
            }
            html.append("<h3>Access log (")
                    .append(service.get("accessLog").size())
                    .append(")</h3>\n");
            table(html, service.get("accessLog"));
        }
        return html.append("</body></html>\n").toString();
    }

    /** Rows of objects as a table, one column per field any row has; nested values as nested lists. */
    private static void table(StringBuilder html, JsonNode rows) {
        if (rows.isEmpty()) {
            html.append("<p>None.</p>\n");
            return;
        }
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.propertyNames()));
        html.append("<table><tr>");
        columns.forEach(column -> html.append("<th>").append(escape(column)).append("</th>"));
        html.append("</tr>\n");
        for (JsonNode row : rows) {
            html.append("<tr>");
            for (String column : columns) {
                html.append("<td>").append(value(row.get(column))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static String value(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isObject()) {
            List<String> items = new ArrayList<>();
            node.properties()
                    .forEach(field ->
                            items.add("<li>" + escape(field.getKey()) + ": " + value(field.getValue()) + "</li>"));
            return "<ul>" + String.join("", items) + "</ul>";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add("<li>" + value(item) + "</li>"));
            return "<ul>" + String.join("", items) + "</ul>";
        }
        return text(node);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : escape(node.asString());
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
