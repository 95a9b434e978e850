package org.housingfirst.contracts.geography;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeListsTest {

    private final CodeLists lists = new CodeLists();

    @Test
    void swedenHas290MunicipalitiesIn21Counties() {
        CodeList se = lists.of("SE").orElseThrow();
        assertThat(se.version()).isEqualTo("SCB-2025");
        assertThat(se.municipalities()).hasSize(290);
        assertThat(se.counties()).hasSize(21);
        assertThat(se.municipalities()).containsEntry("1280", "Malmö").containsEntry("0180", "Stockholm");
        assertThat(se.countyOf("1280")).isEqualTo("12");
        assertThat(se.counties()).containsEntry("12", "Skåne län");
    }

    @Test
    void norwayHas357MunicipalitiesIn15CountiesAfterThe2024Reform() {
        CodeList no = lists.of("NO").orElseThrow();
        assertThat(no.version()).isEqualTo("SSB-KLASS-131-2024");
        assertThat(no.municipalities()).hasSize(357);
        assertThat(no.counties()).hasSize(15);
        assertThat(no.municipalities())
                .containsEntry("0301", "Oslo")
                .containsEntry("4601", "Bergen")
                .containsEntry("5001", "Trondheim")
                .containsEntry("1580", "Haram");
        assertThat(no.countyOf("3101")).isEqualTo("31");
        assertThat(no.counties()).containsEntry("31", "Østfold").containsEntry("56", "Finnmark");
    }

    @Test
    void anUnknownCodeHasNoCounty() {
        assertThat(lists.of("SE").orElseThrow().countyOf("1299")).isNull();
        assertThat(lists.of("DK")).isEmpty();
    }
}
