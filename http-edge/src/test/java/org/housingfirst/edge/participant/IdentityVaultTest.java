package org.housingfirst.edge.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.housingfirst.contracts.support.ErasureCause;
import org.housingfirst.domain.ParticipantId;
import org.housingfirst.identity.IdentityScheme;
import org.housingfirst.identity.ParticipantIdentities;
import org.housingfirst.identity.Pseudonymiser;
import org.housingfirst.testbackends.TestBackends;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The identity vault on a real PostgreSQL: several "services" share it, as tenancy and support do. */
class IdentityVaultTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final Pseudonymiser OLD_KEY = key("old-pseudonym-key-of-at-least-32-bytes!!");
    private static final Pseudonymiser NEW_KEY = key("new-pseudonym-key-of-at-least-32-bytes!!");
    private static final ParticipantRef ANNA = new ParticipantRef(IdentityScheme.SE_PERSONNUMMER, "880512-6540");
    private static final ParticipantRef BO = new ParticipantRef(IdentityScheme.SE_PERSONNUMMER, "920228-9873");

    private final List<IdentityConfiguration.VaultDataSource> opened = new ArrayList<>();
    private String url;

    @BeforeEach
    void freshVault() {
        url = TestBackends.freshDatabase("identity_vault");
    }

    @AfterEach
    void close() {
        opened.forEach(IdentityConfiguration.VaultDataSource::close);
    }

    @Test
    void aPersonIsOneRandomIdThatNeitherTheNumberNorTheKeyGives() {
        IdentityVault tenancy = vault(OLD_KEY, null);
        IdentityVault support = vault(OLD_KEY, null);

        ParticipantId anna = tenancy.participantOf(ANNA, "malmo");
        assertThat(support.participantOf(ANNA, "lund")).isEqualTo(anna);
        assertThat(tenancy.participantOf(BO, "malmo")).isNotEqualTo(anna);
        assertThat(anna.value()).matches(ParticipantId.PATTERN).isNotEqualTo(pseudonym(OLD_KEY, ANNA));

        // another platform with the same key and the same person: another id
        url = TestBackends.freshDatabase("identity_vault");
        assertThat(vault(OLD_KEY, null).participantOf(ANNA, "malmo")).isNotEqualTo(anna);
    }

    @Test
    void twoServicesLinkingOnePersonAtOnceAgree() throws Exception {
        IdentityVault tenancy = vault(OLD_KEY, null);
        IdentityVault support = vault(OLD_KEY, null);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int person = 0; person < 20; person++) {
                ParticipantRef ref = new ParticipantRef(IdentityScheme.LOCAL_REFERENCE, "case-" + person);
                List<Callable<ParticipantId>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    IdentityVault vault = i % 2 == 0 ? tenancy : support;
                    calls.add(() -> vault.participantOf(ref, "malmo"));
                }
                Set<ParticipantId> ids = new java.util.HashSet<>();
                for (Future<ParticipantId> id : threads.invokeAll(calls)) {
                    ids.add(id.get());
                }
                assertThat(ids).hasSize(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aLookupLinksNoOne() {
        IdentityVault vault = vault(OLD_KEY, null);
        assertThat(vault.knownParticipant(ANNA, "malmo")).isEmpty();
        assertThat(links()).isZero();
        ParticipantId anna = vault.participantOf(ANNA, "malmo");
        assertThat(vault.knownParticipant(ANNA, "malmo")).contains(anna);
    }

    /**
     * Key rotation without downtime: while some services run with the old key only and others with the new key and
     * the old one as previous, every service finds every person under one id, whichever saw them first.
     */
    @Test
    void duringAKeyRotationServicesOnEitherKeyAgreeAndAfterItTheOldKeyIsNotNeeded() {
        IdentityVault before = vault(OLD_KEY, null);
        ParticipantId anna = before.participantOf(ANNA, "malmo");
        ParticipantRef dora = new ParticipantRef(IdentityScheme.LOCAL_REFERENCE, "case-d");
        before.participantOf(dora, "malmo"); // not seen again during the rotation

        IdentityVault rotating = vault(NEW_KEY, OLD_KEY);
        IdentityVault notYetRestarted = vault(OLD_KEY, null);
        assertThat(rotating.participantOf(ANNA, "malmo")).isEqualTo(anna);
        ParticipantId bo = rotating.participantOf(BO, "malmo"); // new during the rotation: linked under both keys
        assertThat(notYetRestarted.participantOf(BO, "malmo")).isEqualTo(bo);
        ParticipantRef cecilia = new ParticipantRef(IdentityScheme.LOCAL_REFERENCE, "case-c");
        ParticipantId c = notYetRestarted.participantOf(cecilia, "malmo"); // new on the old key during the rotation
        assertThat(rotating.participantOf(cecilia, "malmo")).isEqualTo(c);

        assertThat(rotating.knownParticipant(ANNA, "malmo")).contains(anna);
        assertThat(rotating.notYetRekeyed())
                .as("only Dora, whom no service saw during the rotation")
                .isEqualTo(1);

        IdentityVault after = vault(NEW_KEY, null);
        assertThat(after.knownParticipant(dora, "malmo"))
                .as("the operator's choice: wait or lose")
                .isEmpty();
        assertThat(after.participantOf(ANNA, "malmo")).isEqualTo(anna);
        assertThat(after.participantOf(BO, "malmo")).isEqualTo(bo);
        assertThat(after.participantOf(cecilia, "malmo")).isEqualTo(c);
        assertThat(keyIdsOf(anna)).containsExactlyInAnyOrder(OLD_KEY.keyId(), NEW_KEY.keyId());
    }

    @Test
    void anErasureDeletesEveryLinkAndEachServiceErasesItsOwnOnce() {
        IdentityVault rotating = vault(NEW_KEY, OLD_KEY);
        ParticipantId anna = rotating.participantOf(ANNA, "malmo");
        ParticipantId bo = rotating.participantOf(BO, "malmo");

        IdentityVault.Erased erased = rotating.erase(anna, ErasureCause.REQUEST);

        assertThat(erased.links()).isEqualTo(2);
        assertThat(erased.recordedBeforeTheVault()).isFalse();
        assertThat(JdbcClient.create(opened.getFirst().dataSource())
                        .sql("SELECT pseudonym || ' ' || surrogate FROM participant_link")
                        .query(String.class)
                        .list())
                .allSatisfy(row -> assertThat(row).doesNotContain(anna.value(), pseudonym(NEW_KEY, ANNA)));
        assertThat(rotating.knownParticipant(ANNA, "malmo")).isEmpty();
        assertThat(vault(OLD_KEY, null).knownParticipant(ANNA, "malmo")).isEmpty();
        assertThat(rotating.knownParticipant(BO, "malmo")).contains(bo);
        assertThat(rotating.erased(anna)).isTrue();
        assertThat(rotating.erased(bo)).isFalse();

        assertThat(rotating.erasuresPending("tenancy-service")).containsExactly(anna);
        rotating.erasureApplied(anna, "tenancy-service");
        rotating.erasureApplied(anna, "tenancy-service");
        assertThat(rotating.erasuresPending("tenancy-service")).isEmpty();
        assertThat(rotating.erasuresPending("support-service")).containsExactly(anna);
        assertThat(rotating.erasureProgress(anna))
                .extracting(IdentityVault.Applied::service)
                .containsExactly("tenancy-service");

        // if the person comes back, they are someone new
        assertThat(rotating.participantOf(ANNA, "malmo")).isNotEqualTo(anna);
    }

    @Test
    void participantsFromBeforeTheVaultKeepTheirPseudonymsAsIdsAndAnErasedOneStaysErased() {
        IdentityVault vault = vault(OLD_KEY, null);
        String anna = pseudonym(OLD_KEY, ANNA);
        String bo = pseudonym(OLD_KEY, BO);
        // an erased legacy id (a surrogate that equals a pseudonym) is not linked again
        JdbcClient.create(opened.getFirst().dataSource())
                .sql("INSERT INTO participant_erasure (surrogate, cause, erased_at) VALUES (?, 'REQUEST', now())")
                .param(bo)
                .update();

        assertThat(vault.importLegacy("tenancy-service", () -> List.of(anna, bo)))
                .contains(1);
        assertThat(vault.importLegacy("tenancy-service", () -> List.of(anna, bo)))
                .isEmpty();
        assertThat(vault.importLegacy("support-service", () -> List.of(anna))).contains(0);

        assertThat(vault.participantOf(ANNA, "malmo")).isEqualTo(new ParticipantId(anna));
        assertThat(vault.knownParticipant(BO, "malmo")).isEmpty();
        assertThat(vault.erase(new ParticipantId(anna), ErasureCause.RETENTION).recordedBeforeTheVault())
                .isTrue();
    }

    private IdentityVault vault(Pseudonymiser current, Pseudonymiser previous) {
        IdentityConfiguration.VaultDataSource dataSource = new IdentityConfiguration()
                .identityVaultDataSource(url, TestBackends.user(), TestBackends.password(), 4);
        opened.add(dataSource);
        return new IdentityVault(dataSource.dataSource(), current, Optional.ofNullable(previous), CLOCK);
    }

    private int links() {
        return JdbcClient.create(opened.getFirst().dataSource())
                .sql("SELECT count(*) FROM participant_link")
                .query(Integer.class)
                .single();
    }

    private Set<String> keyIdsOf(ParticipantId participant) {
        return JdbcClient.create(opened.getFirst().dataSource())
                .sql("SELECT key_id FROM participant_link WHERE surrogate = ?")
                .param(participant.value())
                .query(String.class)
                .list()
                .stream()
                .collect(Collectors.toSet());
    }

    private static String pseudonym(Pseudonymiser key, ParticipantRef ref) {
        return key.pseudonymOf(
                ParticipantIdentities.normalise(ref.scheme(), ref.value(), "malmo", java.time.LocalDate.now(CLOCK)));
    }

    private static Pseudonymiser key(String text) {
        return new Pseudonymiser(text.getBytes(StandardCharsets.UTF_8));
    }
}
