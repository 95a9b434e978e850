package org.housingfirst.edge.participant;

import java.time.Clock;
import java.util.Base64;
import org.housingfirst.identity.Pseudonymiser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The pseudonym key: base64, at least 32 bytes, from configuration (an environment variable or a secret store in
 * production). Every service that pseudonymises must use the same key.
 */
@AutoConfiguration
public class IdentityConfiguration {

    @Bean
    Pseudonymiser pseudonymiser(@Value("${platform.identity.pseudonym-key}") String base64Key) {
        return new Pseudonymiser(Base64.getDecoder().decode(base64Key.strip()));
    }

    @Bean
    ParticipantPseudonyms participantPseudonyms(Pseudonymiser pseudonymiser, Clock clock) {
        return new ParticipantPseudonyms(pseudonymiser, clock);
    }
}
