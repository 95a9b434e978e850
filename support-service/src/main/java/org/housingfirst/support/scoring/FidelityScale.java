package org.housingfirst.support.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Pathways-style fidelity scale: item codes, each scored 1–4, grouped in domains. Only codes: licensed item texts
 * are never shipped. The platform ships the structure of the Pathways scale ({@link #shipped()}); an operator may
 * configure others, or replace a shipped one.
 *
 * @param id e.g. {@code PATHWAYS_HF}
 * @param version e.g. {@code PHF-38-2013}
 * @param domainByItem item code to domain name
 */
public record FidelityScale(String id, String version, Map<String, String> domainByItem) {

    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 4;
    // The contract's schema allows these shapes only: a scale that breaks them is refused at start-up.
    private static final Pattern ITEM_CODE = Pattern.compile("[A-Za-z0-9._-]{1,20}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public FidelityScale {
        if (domainByItem == null || domainByItem.isEmpty()) {
            throw new IllegalArgumentException("fidelity scale " + id + " has no items");
        }
        if (version == null || version.isBlank() || version.length() > 40) {
            throw new IllegalArgumentException("fidelity scale " + id + " needs a version of at most 40 characters");
        }
        domainByItem.forEach((item, domain) -> {
            if (!ITEM_CODE.matcher(item).matches()
                    || domain == null
                    || !DOMAIN.matcher(domain).matches()) {
                throw new IllegalArgumentException("fidelity scale " + id + ": item " + item
                        + " must be 1-20 letters, digits, '.', '_' or '-' and its domain lower-case snake_case");
            }
        });
        domainByItem = Collections.unmodifiableMap(new LinkedHashMap<>(domainByItem));
    }

    /**
     * The scales shipped with the platform ({@code fidelity/scales.csv}): their structure only, item codes in domains.
     * Today the 38-item Pathways Housing First scale, {@code PATHWAYS_HF} version {@code PHF-38-2013}.
     */
    public static Map<String, FidelityScale> shipped() {
        Map<String, String> versions = new LinkedHashMap<>();
        Map<String, Map<String, String>> items = new LinkedHashMap<>();
        try (var in = FidelityScale.class.getResourceAsStream("/fidelity/scales.csv")) {
            if (in == null) {
                throw new IllegalStateException("fidelity/scales.csv is missing from the classpath");
            }
            String[] lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\n");
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("scale,")) {
                    continue;
                }
                String[] fields = line.strip().split(",");
                if (fields.length != 4) {
                    throw new IllegalStateException("fidelity/scales.csv: " + line);
                }
                versions.put(fields[0], fields[1]);
                items.computeIfAbsent(fields[0], id -> new LinkedHashMap<>()).put(fields[2], fields[3]);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, FidelityScale> scales = new LinkedHashMap<>();
        items.forEach((id, byItem) -> scales.put(id, new FidelityScale(id, versions.get(id), byItem)));
        return Collections.unmodifiableMap(scales);
    }

    /** The highest possible total: every item at 4. */
    public int maximum() {
        return domainByItem.size() * MAX_SCORE;
    }
}
