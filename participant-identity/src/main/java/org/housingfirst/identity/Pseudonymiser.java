package org.housingfirst.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms: base32 (lower case, unpadded) of HMAC-SHA-256 over the normalised identity. Without the key the
 * small space of identity numbers cannot be searched; the same key in every service gives the same pseudonym.
 */
public final class Pseudonymiser {

    public static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public Pseudonymiser(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the pseudonym key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** Names this key without revealing it: 16 characters of its fingerprint of a fixed text. */
    public String keyId() {
        return fingerprint("pseudonym key id".getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** A random id in a pseudonym's form (32 random bytes, base32): related to no identity and no key. */
    public static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return base32(bytes);
    }

    public String pseudonymOf(NormalisedIdentity identity) {
        return base32(hmac(identity.canonical().getBytes(StandardCharsets.UTF_8)));
    }

    /** A keyed fingerprint of arbitrary bytes, e.g. a request body that may hold an identity number. */
    public String fingerprint(byte[] data) {
        return base32(hmac(data));
    }

    private byte[] hmac(byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(ALGORITHM + " is unavailable", e);
        }
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
