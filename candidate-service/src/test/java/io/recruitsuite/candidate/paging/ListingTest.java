package io.recruitsuite.candidate.paging;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListingTest {

    private final AtomicInteger counts = new AtomicInteger();

    private Listing<String> list(int page, int limit, List<String> rows, long total) {
        return Listing.<String>of(new PageRequest(page, limit, null, false), s -> new Cursor(java.time.OffsetDateTime.parse("2026-11-30T12:00:00Z"), s),
                        (offset, max) -> Uni.createFrom().item(rows),
                        () -> {
                            counts.incrementAndGet();
                            return Uni.createFrom().item(total);
                        },
                        (cursor, max) -> Uni.createFrom().failure(new AssertionError("page mode")))
                .await().indefinitely();
    }

    @Test
    void aShortPageIsTheLastAndNeedsNoCount() {
        Listing<String> first = list(1, 25, List.of("a", "b", "c"), 3);
        assertEquals(3, first.total());
        assertFalse(first.hasMore());
        Listing<String> third = list(3, 2, List.of("e"), 5);
        assertEquals(5, third.total());
        Listing<String> empty = list(1, 25, List.of(), 0);
        assertEquals(0, empty.total());
        assertEquals(0, counts.get(), "no count query for a short page");
    }

    @Test
    void aFullPageOrAnEmptyPageBeyondTheEndIsCounted() {
        Listing<String> full = list(1, 2, List.of("a", "b"), 7);
        assertEquals(7, full.total());
        assertTrue(full.hasMore());
        Listing<String> beyond = list(9, 2, List.of(), 7);
        assertEquals(7, beyond.total());
        assertEquals(2, counts.get());
    }
}
