package org.housingfirst.outcomes.statistics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One variable of a national table as PxWebApi 2.0 offers it to one caller, in one language.
 *
 * @param values value codes in table order (time: oldest first)
 * @param elimination whether a selection may leave the variable out; it then takes {@code eliminationValueCode}
 * @param codeLists value sets by id: subsets of the values a selection may be read in
 */
record PxVariable(
        String code,
        String label,
        List<String> values,
        Function<String, String> labels,
        boolean elimination,
        String eliminationValueCode,
        boolean time,
        Map<String, List<String>> codeLists) {

    Optional<List<String>> codeList(String id) {
        return codeLists.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(id))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
