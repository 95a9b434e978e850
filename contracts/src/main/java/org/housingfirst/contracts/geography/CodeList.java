package org.housingfirst.contracts.geography;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One country's municipalities and counties as one version of the official code list: the first two digits of a
 * municipality code are its county.
 *
 * @param country ISO 3166 alpha-2, also the nation's region code in tables
 * @param countryName the nation's label
 * @param version the code-list version, as events carry it in {@code municipality.codeListVersion}
 * @param source where the list comes from
 * @param counties county code to name, in code order
 * @param municipalities municipality code to name, in code order
 */
public record CodeList(
        String country,
        String countryName,
        String version,
        String source,
        Map<String, String> counties,
        Map<String, String> municipalities) {

    public CodeList {
        counties = Collections.unmodifiableMap(new LinkedHashMap<>(counties));
        municipalities = Collections.unmodifiableMap(new LinkedHashMap<>(municipalities));
        for (String code : municipalities.keySet()) {
            if (!counties.containsKey(code.substring(0, 2))) {
                throw new IllegalArgumentException("municipality " + code + " has no county in " + version);
            }
        }
    }

    /** The county of a municipality, or null when the code is not in this list. */
    public String countyOf(String municipalityCode) {
        return municipalities.containsKey(municipalityCode) ? municipalityCode.substring(0, 2) : null;
    }

    /** Labels of every region, nation first, then counties and municipalities in code order. */
    public Map<String, String> regionLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(country, countryName);
        labels.putAll(counties);
        labels.putAll(municipalities);
        return labels;
    }

    /** Reads {@code <prefix>-counties.csv} and {@code <prefix>-municipalities.csv} from the classpath. */
    public static CodeList load(String country, String countryName, String version, String source, String prefix) {
        return new CodeList(
                country,
                countryName,
                version,
                source,
                read("reference/geography/" + prefix + "-counties.csv"),
                read("reference/geography/" + prefix + "-municipalities.csv"));
    }

    private static Map<String, String> read(String resource) {
        InputStream in = CodeList.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing reference data " + resource);
        }
        Map<String, String> names = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>(reader.lines().toList());
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",", -1);
                if (names.put(fields[0], fields[1]) != null) {
                    throw new IllegalStateException("duplicate code " + fields[0] + " in " + resource);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
