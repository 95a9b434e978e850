package org.housingfirst.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParticipantIdentitiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private static String normalised(IdentityScheme scheme, String value) {
        return ParticipantIdentities.normalise(scheme, value, "org-a", TODAY).canonical();
    }

    /*
     * Luhn over YYMMDDNNN with weights 2,1,2,...:
     * 811218987 -> 16>7,1,2,2,2,8,18>9,8,14>5 = 44 -> check digit 6.
     * 640823323 -> 12>3,4,0,8,4,3,6,2,6 = 36 -> check digit 4 (the domain brief's worked example).
     * 701063239 -> 14>5,0,2,0,12>3,3,4,3,18>9 = 29 -> check digit 1; day 63 = 3rd + 60: a samordningsnummer.
     * 121212121 -> nine products of 2 = 18 -> check digit 2.
     */
    @ParameterizedTest
    @CsvSource({
        "811218-9876, SE:198112189876",
        "8112189876, SE:198112189876",
        "19811218-9876, SE:198112189876",
        "198112189876, SE:198112189876",
        "640823-3234, SE:196408233234",
        "701063-2391, SE:197010632391",
        "121212-1212, SE:201212121212",
        "121212+1212, SE:191212121212"
    })
    void normalisesSwedishNumbersToTwelveDigits(String raw, String expected) {
        assertThat(normalised(IdentityScheme.SE_PERSONNUMMER, raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "811218-9877, check digit does not match",
        "811218-1234, check digit does not match",
        "810230-1234, does not contain a valid date of birth",
        "811318-9876, does not contain a valid date of birth",
        "811218-000X, must be a personnummer or samordningsnummer of 10 or 12 digits",
        "20301212-1212, contains a date of birth in the future",
        "19811218+9876, the + separator is only used with a 10-digit number",
        "811218-T876, must be a personnummer or samordningsnummer of 10 or 12 digits"
    })
    void rejectsInvalidSwedishNumbersWithoutRepeatingThem(String raw, String reason) {
        assertThatThrownBy(() -> normalised(IdentityScheme.SE_PERSONNUMMER, raw))
                .isInstanceOf(InvalidIdentityException.class)
                .hasMessage(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(raw.substring(0, 6)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"811218-0003", "811218-0000"})
    void rejectsTheSerialZero(String raw) {
        assertThatThrownBy(() -> normalised(IdentityScheme.SE_PERSONNUMMER, raw))
                .isInstanceOf(InvalidIdentityException.class);
    }

    /*
     * 150385 123 k1 k2: 3*1+7*5+6*0+1*3+8*8+9*5+4*1+5*2+2*3 = 170 = 11*15 + 5, so k1 = 11 - 5 = 6;
     * 5*1+4*5+3*0+2*3+7*8+6*5+5*1+4*2+3*3+2*6 = 151 = 11*13 + 8, so k2 = 3.
     * D-nummer 450385 123: day 45 = 5th + 40. 2032 rule: k1 = 7 leaves remainder (170 + 7) mod 11 = 1, which is
     * allowed; k2 = 11 - ((151 - 12 + 14) mod 11) = 11 - 10 = 1.
     * 290200 500: 29 February 2000 (individual number 500 with year 00 is the 2000s).
     */
    @ParameterizedTest
    @CsvSource({
        "15038512363, NO:15038512363",
        "45038512386, NO:45038512386",
        "15038512371, NO:15038512371",
        "29020050088, NO:29020050088"
    })
    void acceptsNorwegianNumbers(String raw, String expected) {
        assertThat(normalised(IdentityScheme.NO_FODSELSNUMMER, raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "15038512364, check digits do not match",
        "15038512304, check digits do not match",
        "29029950088, does not contain a valid date of birth",
        "15538512363, does not contain a valid date of birth",
        "1503851236, must be a fødselsnummer or D-nummer of 11 digits",
        "15038580000, individual number does not fit the year of birth"
    })
    void rejectsInvalidNorwegianNumbers(String raw, String reason) {
        assertThatThrownBy(() -> normalised(IdentityScheme.NO_FODSELSNUMMER, raw))
                .isInstanceOf(InvalidIdentityException.class)
                .hasMessage(reason);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"case 17", "", "8112189876", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void rejectsLocalReferencesThatAreBlankOddOrIdentityNumbers(String raw) {
        assertThatThrownBy(() -> normalised(IdentityScheme.LOCAL_REFERENCE, raw))
                .isInstanceOf(InvalidIdentityException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"case-17", "KL:2024.17"})
    void scopesLocalReferencesToTheReportingOrganisation(String raw) {
        assertThat(normalised(IdentityScheme.LOCAL_REFERENCE, raw)).isEqualTo("REF:org-a:" + raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"811218-9876", "15038512363"})
    void hidesTheIdentityInToString(String raw) {
        IdentityScheme scheme = !raw.contains("-") ? IdentityScheme.NO_FODSELSNUMMER : IdentityScheme.SE_PERSONNUMMER;
        assertThat(ParticipantIdentities.normalise(scheme, raw, "org-a", TODAY).toString())
                .doesNotContain(raw.substring(0, 6));
    }
}
