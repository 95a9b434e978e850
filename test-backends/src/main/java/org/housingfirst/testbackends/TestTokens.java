package org.housingfirst.testbackends;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Signs HS256 test tokens with the test secret. */
public final class TestTokens {

    public static final String SECRET = "integration-test-signing-secret-0123456789";

    private TestTokens() {}

    public static String token(String role, String country, String municipality, String organisation) {
        return signed(claims(role, country, municipality, organisation).build(), SECRET);
    }

    /** The claims of a valid token for an hour, to be changed before signing. */
    public static JWTClaimsSet.Builder claims(String role, String country, String municipality, String organisation) {
        return new JWTClaimsSet.Builder()
                .subject("test-user")
                .claim("roles", List.of(role))
                .claim("country", country)
                .claim("municipality", municipality)
                .claim("org", organisation)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)));
    }

    /** HS256 with {@code secret}: the test secret, or another for a token with a wrong signature. */
    public static String signed(JWTClaimsSet claims, String secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same claims with {@code alg: none} and no signature, as an attacker would send them. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    public static String malmoReporter() {
        return token("reporter", "SE", "1280", "malmo-bostad-forst");
    }

    public static String malmoAnalyst() {
        return token("analyst", "SE", "1280", "malmo-bostad-forst");
    }

    public static String lundReporter() {
        return token("reporter", "SE", "1281", "lund-bostad-forst");
    }

    public static String national() {
        return token("national", "SE", "1280", "socialstyrelsen");
    }
}
