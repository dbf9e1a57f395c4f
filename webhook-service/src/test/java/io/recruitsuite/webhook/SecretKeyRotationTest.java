package io.recruitsuite.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.recruitsuite.common.testing.TestTokens;
import io.recruitsuite.webhook.Api.Registered;
import io.recruitsuite.webhook.signing.SecretBox;
import io.recruitsuite.webhook.signing.SecretResealer;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.recruitsuite.webhook.Api.register;
import static io.recruitsuite.webhook.TestEvents.await;
import static io.recruitsuite.webhook.TestEvents.publishUpload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Key rotation for secrets at rest, as the runbook does it: a new active key (k2) with the old one kept as
 * retired (k1). Secrets sealed under k1 (with or without a key id) still sign deliveries, and the resealer
 * seals them under k2 online.
 */
@QuarkusTest
@TestProfile(SecretKeyRotationTest.Rotated.class)
class SecretKeyRotationTest {

    static final String K2 = "02".repeat(32);

    /** The key the service used before the rotation: the test profile's passphrase-derived key. */
    static byte[] k1() throws Exception {
        return MessageDigest.getInstance("SHA-256").digest("recruit-suite-local-development-only".getBytes(StandardCharsets.UTF_8));
    }

    public static class Rotated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                return Map.of("webhooks.secret-key", K2, "webhooks.secret-key-id", "k2",
                        "webhooks.retired-secret-keys.k1", HexFormat.of().formatHex(k1()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    Pool pool;
    @Inject
    SecretResealer resealer;

    @Test
    void secretsSealedUnderTheRetiredKeyStillSignAndAreSealedAgainUnderTheActiveOne() throws Throwable {
        String org = TestTokens.newOrganizationId();
        try (Receiver legacyReceiver = new Receiver(); Receiver k1Receiver = new Receiver()) {
            Registered legacy = register(org, legacyReceiver.url(), List.of("document.upload"));
            Registered k1 = register(org, k1Receiver.url(), List.of("document.upload"));
            // as rows written before the rotation hold them: one from before key ids, one sealed under k1
            store(legacy.id(), SignaturesTest.legacyBox(k1(), legacy.secret()), null);
            store(k1.id(), new SecretBox("k1", k1(), Map.of()).seal(k1.secret()), "k1");

            String before = publishUpload(org, "before.pdf");
            await("both deliver under the retired key", Duration.ofSeconds(20),
                    () -> !legacyReceiver.withBodyContaining(before).isEmpty() && !k1Receiver.withBodyContaining(before).isEmpty());
            assertTrue(WebhookDeliveryTest.verifyStandard(legacy.secret(), legacyReceiver.withBodyContaining(before).get(0)));
            assertTrue(WebhookDeliveryTest.verifyStandard(k1.secret(), k1Receiver.withBodyContaining(before).get(0)));

            // every batch until the end, as the scheduled job goes (other tests' rows may share the table; the scheduled
            // run itself, 30 s after start, may get to these two first on a slow machine: what counts is where they end up)
            String after = "";
            while (after != null) {
                String from = after;
                SecretResealer.Progress progress = VertxContextSupport.subscribeAndAwait(() -> resealer.resealBatch(from));
                after = progress.lastId();
            }
            for (String id : List.of(legacy.id(), k1.id())) {
                Row row = stored(id);
                assertEquals("k2", row.getString("secret_key_id"), id);
                assertEquals("k2", SecretBox.keyId(row.getBuffer("secret").getBytes()), id);
            }

            String later = publishUpload(org, "after.pdf");
            await("both deliver under the active key", Duration.ofSeconds(20),
                    () -> !legacyReceiver.withBodyContaining(later).isEmpty() && !k1Receiver.withBodyContaining(later).isEmpty());
            assertTrue(WebhookDeliveryTest.verifyStandard(legacy.secret(), legacyReceiver.withBodyContaining(later).get(0)),
                    "the receiver's secret did not change");
            assertTrue(WebhookDeliveryTest.verifyStandard(k1.secret(), k1Receiver.withBodyContaining(later).get(0)));
        }
    }

    private void store(String endpointId, byte[] box, String keyId) {
        pool.preparedQuery("update webhook_endpoints set secret = $2, secret_key_id = $3 where id = $1")
                .execute(Tuple.of(endpointId, Buffer.buffer(box), keyId)).await().atMost(Duration.ofSeconds(5));
    }

    private Row stored(String endpointId) {
        return pool.preparedQuery("select secret, secret_key_id from webhook_endpoints where id = $1").execute(Tuple.of(endpointId))
                .await().atMost(Duration.ofSeconds(5)).iterator().next();
    }
}
