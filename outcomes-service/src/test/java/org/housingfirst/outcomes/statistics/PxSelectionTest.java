package org.housingfirst.outcomes.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.housingfirst.domain.RejectedRequest;
import org.junit.jupiter.api.Test;

/** PxWebApi 2.0's selection expressions, resolved as PxTools/PxWebApi resolves them, on a small table. */
class PxSelectionTest {

    private static final List<String> QUARTERS = List.of("2025Q3", "2025Q4", "2026Q1", "2026Q2");
    private static final List<String> REGIONS = List.of("SE", "12", "1280", "1281", "14", "1480");

    private static final List<PxVariable> TABLE = List.of(
            new PxVariable(
                    "region",
                    "region",
                    REGIONS,
                    c -> c,
                    true,
                    "SE",
                    false,
                    Map.of("vs_SE_county", List.of("12", "14"))),
            new PxVariable("period", "quarter", QUARTERS, c -> c, false, null, true, Map.of()),
            new PxVariable(
                    "contents",
                    "contents",
                    List.of("numerator", "denominator", "rate"),
                    c -> c,
                    false,
                    null,
                    false,
                    Map.of()));

    private static List<String> expand(String expression, List<String> values, boolean time) {
        return PxSelection.expand(expression, values, time, "valuecodes[x]");
    }

    @Test
    void countsRunFromTheStartExceptForTimeWhereTopIsTheNewest() {
        assertThat(expand("top(2)", QUARTERS, true)).containsExactly("2026Q1", "2026Q2");
        assertThat(expand("TOP(2,1)", QUARTERS, true)).containsExactly("2025Q4", "2026Q1");
        assertThat(expand("bottom(1)", QUARTERS, true)).containsExactly("2025Q3");
        assertThat(expand("top(2)", REGIONS, false)).containsExactly("SE", "12");
        assertThat(expand("bottom(2)", REGIONS, false)).containsExactly("14", "1480");
        assertThat(expand("top(9)", QUARTERS, true)).isEqualTo(QUARTERS);
        assertThat(expand("top(1,9)", QUARTERS, true)).isEmpty();
    }

    @Test
    void wildcardsQuestionMarksAndRanges() {
        assertThat(expand("12*", REGIONS, false)).containsExactly("12", "1280", "1281");
        assertThat(expand("*80", REGIONS, false)).containsExactly("1280", "1480");
        assertThat(expand("*28*", REGIONS, false)).containsExactly("1280", "1281");
        assertThat(expand("128?", REGIONS, false)).containsExactly("1280", "1281");
        assertThat(expand("*", REGIONS, false)).isEqualTo(REGIONS);
        assertThat(expand("range(2025Q4,2026Q1)", QUARTERS, true)).containsExactly("2025Q4", "2026Q1");
        assertThat(expand("range(2026Q1,2025Q4)", QUARTERS, true)).isEmpty();
        assertThat(expand("from(2026q1)", QUARTERS, true)).containsExactly("2026Q1", "2026Q2");
        assertThat(expand("to(2025Q4)", QUARTERS, true)).containsExactly("2025Q3", "2025Q4");
        assertThat(expand("se", REGIONS, false)).containsExactly("SE");
        for (String malformed :
                List.of("1*2*", "*1*2*", "top(0)", "top(x)", "bottom(1,)", "range(2025Q4)", "from(2099Q1)")) {
            assertThatThrownBy(() -> expand(malformed, QUARTERS, true))
                    .as(malformed)
                    .isInstanceOf(RejectedRequest.class);
        }
    }

    @Test
    void aSelectionNamesVariablesInAnyCaseKeepsTableOrderAndEliminatesWhatItMayLeaveOut() {
        Map<String, List<String>> resolved = PxSelection.fromQuery(Map.of(
                        "valuecodes[CONTENTS]", "rate,numerator",
                        "valuecodes[time]", "2026Q2,2025Q3",
                        "outputValues[region]", "single"))
                .resolve(TABLE);
        assertThat(resolved.keySet()).containsExactly("region", "period", "contents");
        assertThat(resolved.get("region")).containsExactly("SE");
        assertThat(resolved.get("period")).containsExactly("2025Q3", "2026Q2");
        assertThat(resolved.get("contents")).containsExactly("numerator", "rate");
        assertThat(PxSelection.fromQuery(Map.of(
                                "valuecodes[region]", "*",
                                "codelist[region]", "VS_SE_COUNTY",
                                "valuecodes[period]", "top(1)",
                                "valuecodes[contents]", "range(numerator,denominator)"))
                        .resolve(TABLE))
                .containsEntry("region", List.of("12", "14"))
                .containsEntry("contents", List.of("numerator", "denominator"));
    }

    @Test
    void whatCannotBeResolvedIsRefusedNamingTheParameter() {
        Map<Map<String, String>, String> refused = Map.of(
                Map.of("valuecodes[contents]", "rate"), "valuecodes[period]",
                Map.of("valuecodes[period]", "2026Q2", "valuecodes[contents]", "rate", "valuecodes[colour]", "red"),
                        "valuecodes[colour]",
                Map.of("valuecodes[period]", "2026Q2", "valuecodes[contents]", "rate", "codelist[region]", "agg_x"),
                        "codelist[region]",
                Map.of("valuecodes[period]", "2026Q2,", "valuecodes[contents]", ","), "valuecodes[contents]",
                Map.of("valuecodes[period]", "2026Q2", "valuecodes[contents]", "rate", "outputValues[region]", "all"),
                        "outputValues[region]",
                Map.of("valuecodes[period]", "2027Q1", "valuecodes[contents]", "rate"), "valuecodes[period]");
        refused.forEach((query, field) -> assertThatThrownBy(
                        () -> PxSelection.fromQuery(query).resolve(TABLE))
                .as(query.toString())
                .isInstanceOfSatisfying(RejectedRequest.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.kind()).isEqualTo(RejectedRequest.Kind.MALFORMED);
                }));
    }
}
