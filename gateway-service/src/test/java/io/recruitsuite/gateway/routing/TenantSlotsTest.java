package io.recruitsuite.gateway.routing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantSlotsTest {

    @Test
    void anOrganizationHoldsAtMostItsShareOfAnUpstreamAndOthersAreUnaffected() {
        TenantSlots slots = new TenantSlots();
        for (int i = 0; i < 3; i++) {
            assertTrue(slots.tryAcquire("webhook", "org_a", 3));
        }
        assertFalse(slots.tryAcquire("webhook", "org_a", 3), "the fourth concurrent request of org_a");
        assertTrue(slots.tryAcquire("webhook", "org_b", 3), "another organization");
        assertTrue(slots.tryAcquire("search", "org_a", 3), "another upstream");
        slots.release("webhook", "org_a");
        assertTrue(slots.tryAcquire("webhook", "org_a", 3), "a slot freed is a slot again");
        for (int i = 0; i < 3; i++) {
            slots.release("webhook", "org_a");
        }
        assertEquals(0, slots.inFlight("webhook", "org_a"));
    }
}
