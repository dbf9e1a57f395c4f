package io.recruitsuite.search;

import io.recruitsuite.search.indexing.Chunker;
import io.recruitsuite.search.indexing.CvText;
import io.recruitsuite.search.query.QueryExpansion;
import io.recruitsuite.search.query.ScoreFusion;
import io.recruitsuite.search.query.SearchService;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkerAndFusionTest {

    static final ScoreFusion FUSION = new ScoreFusion(0.5, 0.5, 0.9);

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
    void fusionRewardsDocumentsStrongInBothHalvesAndOrdersBySimilarity() {
        // a: close in meaning only; b: exact words only; c: both, a little less of each
        Map<String, Double> cosine = Map.of("a", 0.85, "b", 0.55, "c", 0.80);
        Map<String, Double> bm25 = Map.of("a", 0.0, "b", 9.0, "c", 7.0);
        List<ScoreFusion.Ranked> fused = FUSION.fuse(SearchService.Mode.HYBRID, cosine, List.of("a", "c", "b"), bm25,
                List.of("b", "c"), 10.0);
        assertEquals(List.of("c", "b", "a"), fused.stream().map(ScoreFusion.Ranked::id).toList());
        for (int i = 0; i < fused.size(); i++) {
            double s = fused.get(i).similarity();
            assertTrue(s >= 0 && s <= 1, "similarity in 0..1: " + s);
            assertTrue(i == 0 || s <= fused.get(i - 1).similarity(), "never increases down the list");
        }
        // c: semantic (0.80 - 0.5) / 0.4 = 0.75, keyword 7 / 10 = 0.7, half each
        assertEquals(0.725, fused.get(0).similarity(), 1e-9);
        assertEquals(2, fused.get(0).explain().semantic().rank());
        assertEquals(2, fused.get(0).explain().keyword().rank());
        assertNull(fused.get(2).explain().keyword().rank(), "a was not retrieved by the keyword half");
    }

    @Test
    void singleModesUseOneHalfAndScoresStayInRange() {
        List<ScoreFusion.Ranked> semantic = FUSION.fuse(SearchService.Mode.SEMANTIC, Map.of("a", 0.95, "b", 0.3), List.of("a", "b"),
                Map.of(), List.of(), 0);
        assertEquals(1.0, semantic.get(0).similarity(), "a cosine above the ceiling is 1");
        assertEquals(0.0, semantic.get(1).similarity(), "a cosine below the floor is 0");
        assertNull(semantic.get(0).explain().keyword());
        List<ScoreFusion.Ranked> keyword = FUSION.fuse(SearchService.Mode.KEYWORD, Map.of(), List.of(), Map.of("x", 30.0, "y", 5.0),
                List.of("x", "y"), 10.0);
        assertEquals(List.of(1.0, 0.5), keyword.stream().map(ScoreFusion.Ranked::similarity).toList(), "BM25 over the ceiling");
    }

    @Test
    void cvTextSetsGluedHeadingsApartAndDropsExportBoilerplate() {
        CvText text = new CvText(List.of("^\\s*(skill|company|education)\\s+details\\s*$",
                "-?\\s*experience\\s*-\\s*(less than 1 year|\\d+ years?|\\d+)\\s*months"));
        String normalised = text.normalise("Python- Experience - Less than 1 year monthsCompany Details\r\nSPSSEducation Details\r\nMBA");
        assertEquals("Python- Experience - Less than 1 year months\nCompany Details\nSPSS\nEducation Details\nMBA", normalised);
        assertEquals("Python SPSS MBA", text.forKeywords(normalised));
        assertEquals("React js SAP ABAP Informatica ETL", CvText.words("React.js, SAP/ABAP; Informatica-ETL."));
    }

    @Test
    void abbreviationsAreSpelledOutForTheKeywordHalf() {
        QueryExpansion expansion = new QueryExpansion(Map.of("k8s", "kubernetes", "ML", "machine learning"));
        assertEquals("k8s platform engineer kubernetes", expansion.expand("k8s platform engineer"));
        assertEquals("senior ML engineer machine learning", expansion.expand("senior ML engineer"));
        assertEquals("java developer", expansion.expand("java developer"));
    }
}
