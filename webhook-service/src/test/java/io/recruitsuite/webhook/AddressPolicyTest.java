package io.recruitsuite.webhook;

import io.recruitsuite.webhook.delivery.RetrySchedule;
import io.recruitsuite.webhook.ssrf.AddressPolicy;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressPolicyTest {

    @Test
    void refusesEveryNonPublicRange() throws Exception {
        for (String ip : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254",
                "::ffff:10.0.0.1", "::ffff:169.254.169.254")) {
            assertNotNull(AddressPolicy.refusal(InetAddress.getByName(ip)), ip);
        }
        for (String ip : List.of("93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "172.32.0.1")) {
            assertNull(AddressPolicy.refusal(InetAddress.getByName(ip)), ip);
        }
    }

    @Test
    void retryScheduleGrowsWithJitterAndHonoursRetryAfter() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofHours(24)), 0.2,
                Duration.ofHours(1));
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            long first = schedule.next(1, null, random).toMillis();
            assertTrue(first >= 4000 && first <= 6000, "5 s ± 20%: " + first);
        }
        assertTrue(schedule.next(2, null, random).toMinutes() >= 4);
        assertNull(schedule.next(4, null, random), "the schedule is used up after its last delay");
        assertEquals(Duration.ofMinutes(30), schedule.next(1, Duration.ofMinutes(30), random), "Retry-After pushes later");
        assertEquals(Duration.ofHours(1), schedule.next(1, Duration.ofDays(9), random), "but only up to the bound");
        assertEquals(Duration.ofSeconds(120), RetrySchedule.parseRetryAfter("120"));
        assertNull(RetrySchedule.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
    }
}
