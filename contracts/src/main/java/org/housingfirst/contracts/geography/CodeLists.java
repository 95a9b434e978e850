package org.housingfirst.contracts.geography;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The code lists the platform ships: Sweden's current and Norway's 2024 municipalities and counties. The write side
 * accepts only a municipality claim found here; the read side builds its regional breakdowns from them.
 */
public class CodeLists {

    private final Map<String, CodeList> byCountry;

    public CodeLists() {
        this(List.of(
                CodeList.load(
                        "SE",
                        "Sweden",
                        "SCB-2025",
                        "Statistics Sweden (SCB), kommun- och länskoder, valid from 2025-01-01",
                        "se"),
                CodeList.load(
                        "NO",
                        "Norway",
                        "SSB-KLASS-131-2024",
                        "Statistics Norway (SSB) Klass 131 and 104, valid from 2024-01-01",
                        "no")));
    }

    public CodeLists(Collection<CodeList> lists) {
        this.byCountry = lists.stream().collect(Collectors.toUnmodifiableMap(CodeList::country, Function.identity()));
    }

    public Optional<CodeList> of(String country) {
        return Optional.ofNullable(byCountry.get(country));
    }

    /** Whether {@code code} is a municipality in the list of {@code country} with this version. */
    public boolean contains(String country, String version, String code) {
        CodeList list = byCountry.get(country);
        return list != null
                && list.version().equals(version)
                && list.municipalities().containsKey(code);
    }

    public Collection<CodeList> all() {
        return byCountry.values();
    }
}
