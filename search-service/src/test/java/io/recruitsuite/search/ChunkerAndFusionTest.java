package io.recruitsuite.search;

import io.recruitsuite.search.indexing.Chunker;
import io.recruitsuite.search.query.RankFusion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkerAndFusionTest {

    @Test
    void chunksOverlapAndCoverEveryWord() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            text.append("w").append(i).append(' ');
        }
        List<String> chunks = new Chunker(100, 20).split(text.toString());
        assertEquals(3, chunks.size());
        assertTrue(chunks.get(0).startsWith("w0 ") && chunks.get(0).endsWith(" w99"));
        assertTrue(chunks.get(1).startsWith("w80 "), "the second chunk repeats the last 20 words of the first");
        assertTrue(chunks.get(2).endsWith(" w249"));
        assertEquals(List.of("short text"), new Chunker(100, 20).split("  short   text "));
        assertEquals(List.of(), new Chunker(100, 20).split("   "));
    }

    @Test
    void fusionRewardsDocumentsFoundByBothRetrievers() {
        List<String> fused = RankFusion.fuse(60, List.of(List.of("a", "b", "c"), List.of("c", "d")));
        assertEquals("c", fused.get(0), "found by both");
        assertEquals(List.of("c", "a", "b", "d"), fused);
        assertEquals(List.of("x", "y"), RankFusion.fuse(60, List.of(List.of("x", "y"), List.of())));
    }
}
