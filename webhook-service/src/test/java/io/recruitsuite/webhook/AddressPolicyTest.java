package io.recruitsuite.webhook;

import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.webhook.delivery.RetrySchedule;
import io.recruitsuite.webhook.ssrf.AddressPolicy;
import io.recruitsuite.webhook.ssrf.TargetPolicy;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressPolicyTest {

    @Test
    void refusesEveryNonPublicRange() throws Exception {
        for (String ip : List.of("127.0.0.1", "10.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254",
                "::ffff:10.0.0.1", "::ffff:169.254.169.254", "ff02::1")) {
            assertNotNull(AddressPolicy.refusal(InetAddress.getByName(ip)), ip);
        }
        for (String ip : List.of("93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "172.32.0.1", "100.128.0.1")) {
            assertNull(AddressPolicy.refusal(InetAddress.getByName(ip)), ip);
        }
    }

    @Test
    void productionRulesRefuseHttpAndLoopbackUnlessAllowListed() throws Exception {
        TargetPolicy production = new TargetPolicy(false, List.of());
        ApiException http = assertThrows(ApiException.class, () -> production.parse("http://hooks.example.com/x"));
        assertEquals("validation_error", http.code().code());
        assertTrue(http.getMessage().contains("https"));
        assertDoesNotThrow(() -> production.parse("https://hooks.example.com/x"));
        for (String bad : List.of("ftp://example.com/x", "https://user:pw@example.com/x", "https:///nohost", "https://example.com/#frag", "")) {
            assertThrows(ApiException.class, () -> production.parse(bad), bad);
        }

        InetAddress[] loopback = {InetAddress.getByName("127.0.0.1")};
        ApiException refused = assertThrows(ApiException.class, () -> production.checkAddresses("127.0.0.1", loopback));
        assertTrue(refused.getMessage().contains("loopback"), refused.getMessage());
        InetAddress[] metadata = {InetAddress.getByName("169.254.169.254")};
        assertThrows(ApiException.class, () -> production.checkAddresses("metadata.internal", metadata));
        // one private address among public ones is enough to refuse: the client could be handed any of them
        InetAddress[] mixed = {InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.1")};
        assertTrue(assertThrows(ApiException.class, () -> production.checkAddresses("rebind.example", mixed)).getMessage().contains("private"));
        assertDoesNotThrow(() -> production.checkAddresses("dns.google", new InetAddress[]{InetAddress.getByName("8.8.8.8")}));

        TargetPolicy local = new TargetPolicy(true, List.of("127.0.0.1", "::1", "localhost"));
        assertDoesNotThrow(() -> local.parse("http://127.0.0.1:9/x"));
        assertDoesNotThrow(() -> local.checkAddresses("127.0.0.1", loopback));
        assertDoesNotThrow(() -> local.checkAddresses("[::1]", new InetAddress[]{InetAddress.getByName("::1")}));
        assertThrows(ApiException.class, () -> local.checkAddresses("127.0.0.2", new InetAddress[]{InetAddress.getByName("127.0.0.2")}),
                "the allow-list names hosts, it does not open whole ranges");
    }

    @Test
    void retryScheduleGrowsWithJitterAndHonoursRetryAfter() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofHours(24)), 0.2,
                Duration.ofHours(1));
        Random random = new Random(7);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 200; i++) {
            long first = schedule.next(1, null, random).toMillis();
            assertTrue(first >= 4000 && first <= 6000, "5 s ± 20%: " + first);
            min = Math.min(min, first);
            max = Math.max(max, first);
        }
        assertTrue(max - min > 1000, "the jitter actually spreads retries");
        assertTrue(schedule.next(2, null, random).toMinutes() >= 4);
        assertNull(schedule.next(4, null, random), "the schedule is used up after its last delay");
        assertEquals(Duration.ofMinutes(30), schedule.next(1, Duration.ofMinutes(30), random), "Retry-After pushes later");
        assertEquals(Duration.ofHours(1), schedule.next(1, Duration.ofDays(9), random), "but only up to the bound");
        assertTrue(schedule.next(3, Duration.ofSeconds(1), random).toHours() >= 19, "and never earlier than the schedule");
        assertEquals(Duration.ofSeconds(120), RetrySchedule.parseRetryAfter("120"));
        assertNull(RetrySchedule.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertNull(RetrySchedule.parseRetryAfter("-5"));
    }

    @Test
    void ipv6FormsThatCarryAnInternalIpv4AddressAreRefused() throws Exception {
        for (String ip : List.of("64:ff9b::7f00:1", "64:ff9b::a00:1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::a00:1", "2002:7f00:1::",
                "2002:a9fe:a9fe::1", "::127.0.0.1", "::10.0.0.1", "::169.254.169.254", "::ffff:0:127.0.0.1", "::ffff:0:a00:1")) {
            String refusal = AddressPolicy.refusal(InetAddress.getByName(ip));
            assertNotNull(refusal, ip);
        }
        // the same embeddings of a public IPv4 address are public
        for (String ip : List.of("64:ff9b::808:808", "2002:808:808::1", "::ffff:0:8.8.8.8")) {
            assertNull(AddressPolicy.refusal(InetAddress.getByName(ip)), ip);
        }
    }

    @Test
    void numericHostsThatProgramsReadDifferentlyAreRefusedOutright() {
        TargetPolicy production = new TargetPolicy(false, List.of());
        for (String host : List.of("0177.0.0.1", "0x7f.0.0.1", "0x7f000001", "2130706433", "127.1", "10.1", "017700000001", "1.2.3.04",
                "1.2.3.256", "example.0x7f", "host.127")) {
            ApiException refused = assertThrows(ApiException.class, () -> production.parse("https://" + host + "/hook"), host);
            assertEquals("validation_error", refused.code().code(), host);
        }
        for (String host : List.of("93.184.216.34", "hooks.example.com", "[2606:4700:4700::1111]", "0.example.com", "a1.b2.example")) {
            assertDoesNotThrow(() -> production.parse("https://" + host + "/hook"), host);
        }
    }
}
