package org.housingfirst.support.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FidelityTest {

    private static final FidelityScale SCALE = new FidelityScale(
            "PATHWAYS_HF",
            "TEST-6",
            new LinkedHashMap<>(Map.of(
                    "HP1", "housing_process",
                    "HP2", "housing_process",
                    "SHS1", "separation",
                    "SHS2", "separation",
                    "SP1", "service_philosophy",
                    "SP2", "service_philosophy")));

    /* 4 + 3 + 4 + 4 + 2 + 3 = 20 of 6 x 4 = 24: 83.33 %; means 3.5, 4.0, 2.5. */
    @Test
    void sumsItemsAndAveragesDomains() {
        Fidelity.Result result =
                Fidelity.score(SCALE, Map.of("HP1", 4, "HP2", 3, "SHS1", 4, "SHS2", 4, "SP1", 2, "SP2", 3));

        assertThat(result.total()).isEqualTo(20);
        assertThat(result.percentOfMaximum()).isEqualTo(83.33);
        assertThat(result.domainMeans())
                .containsExactly(
                        Map.entry("housing_process", 3.5),
                        Map.entry("separation", 4.0),
                        Map.entry("service_philosophy", 2.5));
    }

    /* The 38-item Pathways scale runs from 38 (25 %) to 152 (100 %). */
    @Test
    void aThirtyEightItemScaleRunsFromThirtyEightToOneHundredFiftyTwo() {
        Map<String, String> items = new LinkedHashMap<>();
        for (int i = 1; i <= 38; i++) {
            items.put("I" + i, "domain_" + (i % 5));
        }
        FidelityScale pathways = new FidelityScale("PATHWAYS_HF", "PHF-38", items);
        Map<String, Integer> lowest = new HashMap<>();
        Map<String, Integer> highest = new HashMap<>();
        items.keySet().forEach(item -> {
            lowest.put(item, 1);
            highest.put(item, 4);
        });
        assertThat(Fidelity.score(pathways, lowest).total()).isEqualTo(38);
        assertThat(Fidelity.score(pathways, lowest).percentOfMaximum()).isEqualTo(25.0);
        assertThat(Fidelity.score(pathways, highest).total()).isEqualTo(152);
        assertThat(Fidelity.score(pathways, highest).percentOfMaximum()).isEqualTo(100.0);
    }

    @Test
    void requiresEveryItemOnlyTheScalesItemsAndScoresFromOneToFour() {
        assertThatThrownBy(() -> Fidelity.score(SCALE, Map.of("HP1", 4, "HP2", 3, "SHS1", 4, "SHS2", 4, "SP1", 2)))
                .isInstanceOf(InvalidAnswersException.class)
                .extracting(e -> ((InvalidAnswersException) e).field())
                .isEqualTo("itemScores.SP2");
        assertThatThrownBy(() -> Fidelity.score(
                        SCALE, Map.of("HP1", 4, "HP2", 3, "SHS1", 4, "SHS2", 4, "SP1", 2, "SP2", 3, "SP3", 1)))
                .extracting(e -> ((InvalidAnswersException) e).field())
                .isEqualTo("itemScores.SP3");
        assertThatThrownBy(() ->
                        Fidelity.score(SCALE, Map.of("HP1", 5, "HP2", 3, "SHS1", 4, "SHS2", 4, "SP1", 2, "SP2", 3)))
                .extracting(e -> ((InvalidAnswersException) e).field())
                .isEqualTo("itemScores.HP1");
    }

    @Test
    void refusesAScaleWhoseCodesTheContractCannotCarry() {
        assertThatThrownBy(() -> new FidelityScale("PATHWAYS_HF", "v1", Map.of("HP1", "Housing Process")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FidelityScale("PATHWAYS_HF", "v1", Map.of("item with spaces", "housing")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FidelityScale("PATHWAYS_HF", " ", Map.of("HP1", "housing")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /* The shipped Pathways structure: 38 items in five domains of 7, 7, 10, 8 and 6; totals from 38 to 152. */
    @Test
    void thePathwaysScaleShipsAsThirtyEightItemsInFiveDomains() {
        FidelityScale pathways = FidelityScale.shipped().get("PATHWAYS_HF");
        assertThat(pathways.version()).isEqualTo("PHF-38-2013");
        assertThat(pathways.domainByItem()).hasSize(38);
        assertThat(pathways.maximum()).isEqualTo(152);
        Map<String, Long> perDomain = pathways.domainByItem().values().stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        d -> d, java.util.LinkedHashMap::new, java.util.stream.Collectors.counting()));
        assertThat(perDomain)
                .containsExactly(
                        Map.entry("housing_process_and_structure", 7L),
                        Map.entry("separation_of_housing_and_services", 7L),
                        Map.entry("service_philosophy", 10L),
                        Map.entry("service_array", 8L),
                        Map.entry("program_structure", 6L));
        Map<String, Integer> lowest = new java.util.HashMap<>();
        pathways.domainByItem().keySet().forEach(item -> lowest.put(item, 1));
        assertThat(Fidelity.score(pathways, lowest).total()).isEqualTo(38);
        assertThat(Fidelity.score(pathways, lowest).percentOfMaximum()).isEqualTo(25.0);
    }
}
