package org.housingfirst.outcomes.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.housingfirst.contracts.geography.CodeList;
import org.housingfirst.outcomes.statistics.TableDocuments.Data;

/**
 * The selected cells as an Excel workbook (Apache POI) and as a PC-Axis file, the two formats of PxWebApi 2.0 besides
 * JSON-stat and CSV. Both keep the CSV's layout of one row per region, breakdown and quarter with the contents across,
 * and its symbols: ":" suppressed, "." not defined.
 */
final class PxFormats {

    private static final DateTimeFormatter PX_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd HH:mm").withZone(ZoneOffset.UTC);

    private PxFormats() {}

    /**
     * A workbook with the table on its first sheet (numbers as numbers, symbols as text, the row's revision mark last)
     * and the notes on a second.
     */
    static byte[] xlsx(Data data, boolean codes, boolean labels, boolean title) {
        StatisticsTexts texts = data.texts();
        CodeList list = data.definition().codeList();
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(data.definition().id());
            CellStyle oneDecimal = workbook.createCellStyle();
            oneDecimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
            int rowNumber = 0;
            if (title) {
                sheet.createRow(rowNumber++)
                        .createCell(0)
                        .setCellValue(texts.get("title.by", texts.title(data.definition())));
            }
            Row header = sheet.createRow(rowNumber++);
            int column = 0;
            for (String dimension : List.of("region", "breakdown", "period")) {
                if (codes) {
                    header.createCell(column++).setCellValue(dimension);
                }
                if (labels) {
                    header.createCell(column++).setCellValue(texts.get("dimension." + dimension));
                }
            }
            for (String content : data.contents()) {
                header.createCell(column++).setCellValue(texts.content(content));
            }
            header.createCell(column).setCellValue("status");
            for (int r = 0; r < data.regions().size(); r++) {
                for (int c = 0; c < data.categories().size(); c++) {
                    for (int p = 0; p < data.tables().size(); p++) {
                        Row row = sheet.createRow(rowNumber++);
                        column = 0;
                        String region = data.regions().get(r);
                        String category = data.categories().get(c);
                        String period = data.tables().get(p).period().code();
                        String[][] names = {
                            {region, texts.region(list, region)},
                            {category, texts.breakdown(category)},
                            {period, texts.period(period)}
                        };
                        for (String[] name : names) {
                            if (codes) {
                                row.createCell(column++).setCellValue(name[0]);
                            }
                            if (labels) {
                                row.createCell(column++).setCellValue(name[1]);
                            }
                        }
                        String flag = "";
                        for (int x = 0; x < data.contents().size(); x++) {
                            Object[] value = data.cell(r, c, p, x);
                            Cell cell = row.createCell(column++);
                            switch (value[0]) {
                                case null -> cell.setCellValue((String) value[1]);
                                case Long count -> cell.setCellValue(count);
                                case BigDecimal rate -> {
                                    cell.setCellValue(rate.doubleValue());
                                    cell.setCellStyle(oneDecimal);
                                }
                                default -> throw new IllegalStateException();
                            }
                            if ("p".equals(value[1]) || "r".equals(value[1])) {
                                flag = (String) value[1];
                            }
                        }
                        row.createCell(column).setCellValue(flag);
                    }
                }
            }
            Sheet notes = workbook.createSheet("notes");
            int n = 0;
            notes.createRow(n++).createCell(0).setCellValue(texts.title(data.definition()));
            notes.createRow(n++).createCell(0).setCellValue(texts.get("source"));
            for (String note : TableDocuments.notes(data)) {
                notes.createRow(n++).createCell(0).setCellValue(note);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PC-Axis file (UTF-8): region, breakdown and period in the stub, contents in the heading and as the content
     * variable; "." for a rate with no participants (DATASYMBOL1) and ".." for a suppressed cell (DATASYMBOL2, shown as
     * ":"). Revision marks are in the notes' words only: PC-Axis has no per-cell status that readers agree on.
     */
    static byte[] px(Data data) {
        StatisticsTexts texts = data.texts();
        CodeList list = data.definition().codeList();
        StringBuilder px = new StringBuilder();
        keyword(px, "CHARSET", quote("ANSI"));
        keyword(px, "AXIS-VERSION", quote("2013"));
        keyword(px, "CODEPAGE", quote("utf-8"));
        keyword(px, "LANGUAGE", quote(texts.language()));
        keyword(
                px,
                "CREATION-DATE",
                quote(PX_DATE.format(data.tables().stream()
                        .map(NationalTables.Table::knownAt)
                        .max(java.time.Instant::compareTo)
                        .orElseThrow())));
        keyword(px, "DECIMALS", "1");
        keyword(px, "SHOWDECIMALS", "1");
        keyword(px, "MATRIX", quote(data.definition().id()));
        keyword(px, "SUBJECT-CODE", quote("HF"));
        keyword(px, "SUBJECT-AREA", quote(texts.get("subject")));
        keyword(px, "CONTENTS", quote(texts.title(data.definition())));
        keyword(px, "TITLE", quote(texts.get("title.by", texts.title(data.definition()))));
        keyword(px, "UNITS", quote(texts.get("unit.persons")));
        List<String> stub = List.of("region", "breakdown", "period");
        keyword(
                px,
                "STUB",
                list(stub.stream().map(d -> texts.get("dimension." + d)).toList()));
        keyword(px, "HEADING", list(List.of(texts.get("dimension.contents"))));
        String contents = texts.get("dimension.contents");
        keyword(px, "CONTVARIABLE", quote(contents));
        List<List<String>> codes = List.of(
                data.regions(),
                data.categories(),
                data.tables().stream().map(t -> t.period().code()).toList(),
                data.contents());
        List<List<String>> labels = List.of(
                data.regions().stream().map(code -> texts.region(list, code)).toList(),
                data.categories().stream().map(texts::breakdown).toList(),
                codes.get(2).stream().map(texts::period).toList(),
                data.contents().stream().map(texts::content).toList());
        List<String> names = new ArrayList<>(stub);
        names.add("contents");
        for (int i = 0; i < names.size(); i++) {
            keyword(px, "VALUES(" + quote(texts.get("dimension." + names.get(i))) + ")", list(labels.get(i)));
        }
        String period = texts.get("dimension.period");
        keyword(
                px,
                "TIMEVAL(" + quote(period) + ")",
                "TLIST(Q1),"
                        + codes.get(2).stream()
                                .map(q -> quote(q.replace("Q", "")))
                                .collect(Collectors.joining(",")));
        for (int i = 0; i < names.size(); i++) {
            keyword(px, "CODES(" + quote(texts.get("dimension." + names.get(i))) + ")", list(codes.get(i)));
        }
        for (String content : data.contents()) {
            String label = quote(texts.content(content));
            keyword(px, "UNITS(" + label + ")", quote(texts.unit(content)));
            keyword(
                    px,
                    "PRECISION(" + quote(contents) + "," + label + ")",
                    String.valueOf(TableDocuments.decimals(content)));
        }
        keyword(px, "SOURCE", quote(texts.get("source")));
        keyword(px, "NOTE", list(TableDocuments.notes(data)));
        keyword(px, "DATASYMBOL1", quote("."));
        keyword(px, "DATASYMBOL2", quote(":"));
        px.append("DATA=\r\n");
        for (int r = 0; r < data.regions().size(); r++) {
            for (int c = 0; c < data.categories().size(); c++) {
                for (int p = 0; p < data.tables().size(); p++) {
                    List<String> row = new ArrayList<>();
                    for (int x = 0; x < data.contents().size(); x++) {
                        Object[] value = data.cell(r, c, p, x);
                        row.add(
                                value[0] == null
                                        ? (":".equals(value[1]) ? "\"..\"" : "\".\"")
                                        : TableDocuments.number(value[0], '.'));
                    }
                    px.append(String.join(" ", row)).append("\r\n");
                }
            }
        }
        px.append(";\r\n");
        return px.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void keyword(StringBuilder px, String keyword, String value) {
        px.append(keyword).append('=').append(value).append(";\r\n");
    }

    /** A PC-Axis list: quoted values separated by commas, a line break after each so that no line grows long. */
    private static String list(List<String> values) {
        return values.stream().map(PxFormats::quote).collect(Collectors.joining(",\r\n"));
    }

    /**
     * A PC-Axis string: in double quotes, which may not occur inside it (they become single quotes), nor may a
     * semicolon. A long one is split into quoted parts on lines of their own, which readers join.
     */
    private static String quote(String text) {
        String plain = text.replace('"', '\'').replace(';', ',');
        List<String> parts = new ArrayList<>();
        for (int at = 0; at < plain.length(); at += 200) {
            parts.add("\"" + plain.substring(at, Math.min(plain.length(), at + 200)) + "\"");
        }
        return parts.isEmpty() ? "\"\"" : String.join("\r\n", parts);
    }
}
