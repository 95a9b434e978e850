package org.housingfirst.support.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Eq5d5lTest {

    static Map<String, Integer> answers() {
        return new HashMap<>(Map.of("MO", 1, "SC", 2, "UA", 3, "PD", 2, "AD", 4, "VAS", 65));
    }

    @Test
    void givesTheProfileAndTheVasButNoIndexWithoutAValueSet() {
        Scores scores = Eq5d5l.score(answers(), Optional.empty());
        assertThat(scores.healthProfile()).isEqualTo("12324");
        assertThat(scores.values()).containsExactly(Map.entry("vas", 65.0));
        assertThat(scores.valueSetId()).isNull();
    }

    /*
     * A synthetic value set written to a file, as an operator would supply one: index = 1 - 0.01 x (sum of levels - 5).
     * Profile 12324 sums to 12, so its index is 1 - 0.07 = 0.93; 11111 is 1.0.
     */
    @Test
    void appliesAConfiguredValueSetAndNamesIt(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("profile,index\n");
        for (int p = 0; p < 3125; p++) {
            int[] levels = {p / 625 % 5 + 1, p / 125 % 5 + 1, p / 25 % 5 + 1, p / 5 % 5 + 1, p % 5 + 1};
            int sum = levels[0] + levels[1] + levels[2] + levels[3] + levels[4];
            csv.append(levels[0])
                    .append(levels[1])
                    .append(levels[2])
                    .append(levels[3])
                    .append(levels[4]);
            csv.append(',').append(1 - 0.01 * (sum - 5)).append('\n');
        }
        Path file = dir.resolve("value-set.csv");
        Files.writeString(file, csv);

        Scores scores = Eq5d5l.score(answers(), Optional.of(Eq5d5lValueSet.read("TEST-5L", file)));

        assertThat(scores.values().get("index")).isCloseTo(0.93, Offset.offset(1e-9));
        assertThat(scores.valueSetId()).isEqualTo("TEST-5L");
    }

    @Test
    void refusesAnIncompleteValueSet() {
        assertThatThrownBy(() -> new Eq5d5lValueSet("X", Map.of("11111", 1.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiresEveryDimensionAndAVasFromZeroToHundred() {
        Map<String, Integer> missing = answers();
        missing.remove("AD");
        assertThatThrownBy(() -> Eq5d5l.score(missing, Optional.empty()))
                .isInstanceOf(InvalidAnswersException.class)
                .extracting(e -> ((InvalidAnswersException) e).field())
                .isEqualTo("answers.AD");
        Map<String, Integer> vas = answers();
        vas.put("VAS", 101);
        assertThatThrownBy(() -> Eq5d5l.score(vas, Optional.empty())).isInstanceOf(InvalidAnswersException.class);
        Map<String, Integer> level = answers();
        level.put("MO", 6);
        assertThatThrownBy(() -> Eq5d5l.score(level, Optional.empty())).isInstanceOf(InvalidAnswersException.class);
    }
}
