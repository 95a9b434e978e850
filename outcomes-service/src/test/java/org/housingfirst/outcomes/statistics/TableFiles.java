package org.housingfirst.outcomes.statistics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the statistics API's tabular formats back, independently of how they are written: CSV by its own rules
 * (quoted fields, any separator), xlsx with Apache POI as a spreadsheet user's tool would, and PC-Axis by its keyword
 * syntax. Each gives rows of fields as text, numbers normalised, so that the formats can be compared cell by cell.
 */
public final class TableFiles {

    private TableFiles() {}

    /** The rows of a CSV document, header first, with RFC 4180 quoting and the given separator. */
    public static List<List<String>> csv(String text, char separator) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        if (!row.isEmpty() || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /** The first sheet of a workbook as rows of text: numbers normalised, text as it is. */
    public static List<List<String>> xlsx(byte[] workbook) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> fields = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null) {
                        fields.add("");
                    } else if (cell.getCellType() == CellType.NUMERIC) {
                        fields.add(number(
                                BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString()));
                    } else {
                        fields.add(cell.getStringCellValue());
                    }
                }
                rows.add(fields);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sheet names of a workbook. */
    public static List<String> sheets(byte[] workbook) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            List<String> names = new ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PC-Axis file: its keywords (name with its parenthesised part, to the values as text) and its data. */
    public record Px(Map<String, List<String>> keywords, List<String> data) {}

    private static final Pattern KEYWORD = Pattern.compile("(?s)([A-Z0-9-]+(?:\\((?:\"[^\"]*\"|[^\")])*\\))?)=(.*)");

    /**
     * Parses PC-Axis: keywords end with a semicolon outside quotes; a value is a list of quoted strings separated by
     * commas, where strings on consecutive lines without a comma join; DATA holds numbers and quoted dot codes.
     */
    public static Px px(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        List<String> data = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                Matcher m = KEYWORD.matcher(statement.toString().strip());
                if (!m.matches()) {
                    throw new IllegalArgumentException("not a PC-Axis keyword: " + statement);
                }
                String name = m.group(1);
                String value = m.group(2).strip();
                if (name.equals("DATA")) {
                    for (String token : value.split("\\s+")) {
                        if (!token.isEmpty()) {
                            data.add(token.startsWith("\"") ? token.replace("\"", "") : number(token));
                        }
                    }
                } else {
                    keywords.put(name, strings(value));
                }
                statement.setLength(0);
            } else {
                statement.append(c);
            }
        }
        return new Px(keywords, data);
    }

    private static List<String> strings(String value) {
        if (!value.startsWith("\"")) {
            return List.of(value);
        }
        List<String> strings = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean comma = true;
        for (char c : value.toCharArray()) {
            if (c == '"') {
                if (!quoted && comma) {
                    current = new StringBuilder();
                    strings.add("");
                    comma = false;
                }
                quoted = !quoted;
            } else if (quoted) {
                current.append(c);
                strings.set(strings.size() - 1, current.toString());
            } else if (c == ',') {
                comma = true;
            }
        }
        return strings;
    }

    /** A number as plain text without trailing zeros; anything else as it is. */
    public static String number(String text) {
        try {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
