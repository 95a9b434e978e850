package org.housingfirst.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import org.housingfirst.identity.IdentityScheme;
import org.housingfirst.identity.ParticipantIdentities;
import org.junit.jupiter.api.Test;

/** The generated numbers pass the platform's own validation, so every demo request can be accepted. */
class IdentityNumbersTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-25");

    @Test
    void personnummerAreValid() {
        Random random = new Random(1);
        for (int i = 0; i < 2000; i++) {
            LocalDate birth = LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String number = IdentityNumbers.personnummer(birth, random);
            assertThat(ParticipantIdentities.normalise(IdentityScheme.SE_PERSONNUMMER, number, "demo", TODAY))
                    .isNotNull();
        }
    }

    @Test
    void fodselsnummerAreValid() {
        Random random = new Random(2);
        for (int i = 0; i < 2000; i++) {
            LocalDate birth = LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String number = IdentityNumbers.fodselsnummer(birth, random);
            assertThat(ParticipantIdentities.normalise(IdentityScheme.NO_FODSELSNUMMER, number, "demo", TODAY))
                    .isNotNull();
        }
    }

    @Test
    void theSameSeedGivesTheSameNumbers() {
        LocalDate birth = LocalDate.parse("1975-05-17");
        assertThat(IdentityNumbers.personnummer(birth, new Random(7)))
                .isEqualTo(IdentityNumbers.personnummer(birth, new Random(7)));
    }
}
