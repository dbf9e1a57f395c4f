package io.recruitsuite.gateway.auth;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.security.ApiKeyFormat;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keys-service calls are guarded by what application.properties says, not by the annotations' own values: a
 * keys-service that never answers costs a verification the configured timeout per attempt and the configured single
 * retry (the bare annotations would wait a second per attempt and retry three times).
 */
@QuarkusTest
@WithTestResource(SilentKeysService.class)
class KeysClientGuardsTest {

    @Inject
    KeysClient keys;

    @Test
    void aKeysServiceThatNeverAnswersIsGivenUpOnAfterTheConfiguredTimeoutAndOneRetry() throws InterruptedException {
        long started = System.nanoTime();
        assertThrows(TimeoutException.class, () -> keys.verify(ApiKeyFormat.generate("test")).await().atMost(Duration.ofSeconds(30)));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        // two attempts of 300 ms and a retry delay of 50 ms (plus up to 200 ms of jitter); unconfigured: four of 1 s
        assertTrue(tookMillis < 8 * SilentKeysService.VERIFY_TIMEOUT_MILLIS, "gave up after " + tookMillis + " ms");
        Thread.sleep(200);
        assertEquals(2, SilentKeysService.VERIFICATIONS.get(), "one attempt and the configured single retry");
    }
}
