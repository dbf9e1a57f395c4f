package io.recruitsuite.webhook;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.PathConverter;
import io.recruitsuite.webhook.ssrf.TargetPolicy;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What application.properties gives each profile, read the way Quarkus reads it, without the environment. */
class ConfigProfilesTest {

    static WebhooksConfig load(String profile) throws Exception {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(Objects.requireNonNull(
                        ConfigProfilesTest.class.getClassLoader().getResource("application.properties"))))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(Path.class, 200, new PathConverter())
                .withMapping(WebhooksConfig.class)
                .build();
        return config.getConfigMapping(WebhooksConfig.class);
    }

    @Test
    void productionRefusesHttpAllowListsNothingAndRetriesForAboutThreeDays() throws Exception {
        WebhooksConfig prod = load("prod");
        assertFalse(prod.allowHttp(), "https only unless RS_WEBHOOKS_ALLOW_HTTP says otherwise");
        assertTrue(prod.allowedHosts().orElse(List.of()).isEmpty(), "no address-policy exceptions by default");
        assertTrue(prod.devSecretPassphrase().isEmpty(), "production never derives the secret key from a passphrase");
        TargetPolicy policy = new TargetPolicy(prod.allowHttp(), prod.allowedHosts().orElse(List.of()));
        assertThrows(io.recruitsuite.common.error.ApiException.class, () -> policy.parse("http://hooks.example.com/in"));

        assertEquals(Duration.ofSeconds(5), prod.attemptTimeout());
        assertEquals(5, prod.failuresBeforePause());
        assertEquals(Duration.ofHours(24), prod.rotationOverlap());
        Duration total = prod.retrySchedule().stream().reduce(Duration.ZERO, Duration::plus);
        assertTrue(total.compareTo(Duration.ofDays(2).plusHours(12)) > 0 && total.compareTo(Duration.ofDays(4)) < 0, "about three days: " + total);
        for (int i = 1; i < prod.retrySchedule().size(); i++) {
            assertTrue(prod.retrySchedule().get(i).compareTo(prod.retrySchedule().get(i - 1)) >= 0, "delays never shrink");
        }
        assertTrue(prod.lease().compareTo(prod.attemptTimeout().multipliedBy(2)) > 0, "a lease outlives any attempt");
    }

    @Test
    void testProfileScalesTheScheduleToSecondsAndAllowsLocalReceivers() throws Exception {
        WebhooksConfig test = load("test");
        assertTrue(test.allowHttp());
        assertEquals(List.of("127.0.0.1", "::1", "localhost"), test.allowedHosts().orElseThrow());
        assertTrue(test.retrySchedule().stream().allMatch(d -> d.compareTo(Duration.ofSeconds(5)) <= 0));
        assertTrue(test.retrySchedule().size() >= test.failuresBeforePause(), "tests can reach the pause within the schedule");
    }
}
