package io.recruitsuite.console.pages;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HighlightsTest {

    @Test
    void markedRunsAreThoseBetweenPairsOfMarkers() {
        assertEquals(List.of(new Highlights.Part("Registered ", false), new Highlights.Part("Nurse", true),
                new Highlights.Part(" on wards", false)), Highlights.parts("Registered **Nurse** on wards"));
    }

    @Test
    void anUnpairedMarkerMarksNothingAndTextStaysText() {
        assertEquals(List.of(new Highlights.Part("a ", false), new Highlights.Part("<b>b</b>", false)),
                Highlights.parts("a **<b>b</b>"));
        assertEquals(List.of(), Highlights.parts(""));
    }
}
