package org.housingfirst.support.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A country's EQ-5D-5L value set: an index for each of the 3,125 health profiles. None is shipped (value sets are
 * licensed by the EuroQol Group); the operator supplies a CSV file with the lines {@code profile,index}, e.g. {@code
 * 11111,1.0}, and names it with an id such as {@code SE-5L-2022}, which travels with every index score.
 */
public record Eq5d5lValueSet(String id, Map<String, Double> indexByProfile) {

    static final int PROFILES = 3125;

    public Eq5d5lValueSet {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a value set needs an id");
        }
        if (indexByProfile.size() != PROFILES) {
            throw new IllegalArgumentException(
                    "a value set has an index for all " + PROFILES + " profiles, not " + indexByProfile.size());
        }
        indexByProfile = Map.copyOf(indexByProfile);
    }

    public static Eq5d5lValueSet read(String id, Path csv) {
        Map<String, Double> index = new HashMap<>();
        try (BufferedReader lines = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("profile")) {
                    continue;
                }
                String[] parts = trimmed.split(",");
                if (parts.length != 2 || !parts[0].strip().matches("[1-5]{5}")) {
                    throw new IllegalArgumentException(csv + " line " + number + ": expected profile,index");
                }
                index.put(parts[0].strip(), Double.parseDouble(parts[1].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Eq5d5lValueSet(id, index);
    }
}
