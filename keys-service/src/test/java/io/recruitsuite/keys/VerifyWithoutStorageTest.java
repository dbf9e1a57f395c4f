package io.recruitsuite.keys;

import io.recruitsuite.common.security.ApiKeyFormat;
import io.recruitsuite.keys.keys.ApiKeyService;
import io.recruitsuite.keys.keys.KeysConfig;
import io.recruitsuite.common.security.KeyVerification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Malformed and checksum-broken keys are answered without any storage: the service here has no
 * repository and no database at all, so a look-up would fail the test.
 */
class VerifyWithoutStorageTest {

    @Test
    void malformedAndChecksumBrokenKeysNeverReachStorage(@TempDir Path dir) throws Exception {
        Path pepper = Files.writeString(dir.resolve("pepper"), "0123456789abcdef0123456789abcdef");
        ApiKeyService service = new ApiKeyService(new KeysConfig() {
            public Path pepperFile() { return pepper; }
            public String environment() { return "live"; }
            public Duration inactivityAfter() { return Duration.ofDays(30); }
            public String lifecycleCheck() { return "1m"; }
        });
        String good = ApiKeyFormat.generate("live");
        String broken = good.substring(0, good.length() - 1) + (good.endsWith("a") ? "b" : "a");
        for (String presented : new String[]{broken, "rsa_live_abc", "", "Bearer xyz", good.replace("rsa_live_", "rsa_fake_")}) {
            KeyVerification result = service.verify(presented).await().atMost(Duration.ofSeconds(1));
            assertEquals(KeyVerification.Refusal.INVALID, result.reason(), presented);
        }
    }
}
