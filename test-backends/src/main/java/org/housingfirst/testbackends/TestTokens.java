package org.housingfirst.testbackends;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
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
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .subject("test-user")
                    .claim("roles", List.of(role))
                    .claim("country", country)
                    .claim("municipality", municipality)
                    .claim("org", organisation)
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
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
