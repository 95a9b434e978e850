package org.housingfirst.demo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens of the reporting organisations, one per municipality: given on the command line for a real deployment
 * ({@code --token SE:1280=eyJ…}), or minted as HS256 development tokens with {@code --hmac-secret} for a local one.
 */
final class Tokens {

    private final Map<String, String> given = new HashMap<>();
    private final byte[] secret;

    Tokens(Map<String, String> given, String hmacSecret) {
        this.given.putAll(given);
        this.secret = hmacSecret == null ? null : hmacSecret.getBytes(StandardCharsets.UTF_8);
    }

    String reporter(Site site) {
        String token = given.get(site.country() + ":" + site.municipality());
        if (token != null) {
            return token;
        }
        if (secret == null) {
            throw new IllegalStateException(
                    "no token for " + site.country() + ":" + site.municipality() + " and no --hmac-secret");
        }
        long now = Instant.now().getEpochSecond();
        String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = encode(String.format(
                "{\"sub\":\"demo-data\",\"roles\":[\"reporter\"],\"country\":\"%s\",\"municipality\":\"%s\","
                        + "\"org\":\"%s\",\"iat\":%d,\"exp\":%d}",
                site.country(), site.municipality(), site.organisation(), now, now + 8 * 3600));
        return header + "." + payload + "." + sign(header + "." + payload);
    }

    private String sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
