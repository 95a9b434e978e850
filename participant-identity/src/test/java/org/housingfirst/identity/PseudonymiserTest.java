package org.housingfirst.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {

    private static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) i;
        }
    }

    private final Pseudonymiser pseudonymiser = new Pseudonymiser(KEY);

    /*
     * Expected values computed outside Java:
     * python3 -c "import hmac,hashlib,base64; print(base64.b32encode(hmac.new(bytes(range(32)),
     *   b'SE:198112189876', hashlib.sha256).digest()).decode().lower().rstrip('='))"
     */
    @Test
    void pseudonymIsBase32OfHmacSha256OverTheNormalisedIdentity() {
        assertThat(pseudonymiser.pseudonymOf(new NormalisedIdentity("SE:198112189876")))
                .isEqualTo("huxgmmbtf73mlcalghrgfsjrlg3pqivjde4m3hb4wqv2d2edj2ga");
        assertThat(pseudonymiser.pseudonymOf(new NormalisedIdentity("NO:15038512363")))
                .isEqualTo("kslv5wdumfthpsjzoeuiabialb6gzqzp25t7h5abivsdievnhewa");
        assertThat(pseudonymiser.pseudonymOf(new NormalisedIdentity("REF:org-a:case-17")))
                .isEqualTo("t2wyoims5ztzbhzfnv4xvje2kalgiui33actl4yw6ldxdnoxe27a");
    }

    @Test
    void everyWrittenFormOfOneNumberGetsOnePseudonym() {
        LocalDate today = LocalDate.of(2026, 11, 24);
        String expected = pseudonymiser.pseudonymOf(
                ParticipantIdentities.normalise(IdentityScheme.SE_PERSONNUMMER, "811218-9876", "org-a", today));
        for (String form : new String[] {"8112189876", "19811218-9876", "198112189876", " 811218-9876 "}) {
            assertThat(pseudonymiser.pseudonymOf(
                            ParticipantIdentities.normalise(IdentityScheme.SE_PERSONNUMMER, form, "org-b", today)))
                    .isEqualTo(expected);
        }
    }

    @Test
    void anotherKeyGivesAnotherPseudonym() {
        byte[] other = KEY.clone();
        other[0] = 1;
        NormalisedIdentity identity = new NormalisedIdentity("SE:198112189876");
        assertThat(new Pseudonymiser(other).pseudonymOf(identity)).isNotEqualTo(pseudonymiser.pseudonymOf(identity));
    }

    @Test
    void refusesShortKeys() {
        assertThatThrownBy(() -> new Pseudonymiser(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encodesBase32AsRfc4648WithoutPadding() {
        assertThat(Pseudonymiser.base32("foobar".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("mzxw6ytboi");
        assertThat(Pseudonymiser.base32("f".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("my");
    }
}
