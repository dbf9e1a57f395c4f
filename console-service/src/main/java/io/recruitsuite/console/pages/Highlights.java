package io.recruitsuite.console.pages;

import io.quarkus.qute.TemplateExtension;

import java.util.ArrayList;
import java.util.List;

/**
 * The search API marks matched words in a highlight with {@code **}: the page shows them marked, while every part
 * stays escaped text (no HTML from a CV reaches the page).
 */
public final class Highlights {

    private Highlights() {
    }

    /** A run of highlight text, marked when the search matched it. */
    public record Part(String text, boolean marked) {
    }

    @TemplateExtension
    static List<Part> parts(String highlight) {
        List<Part> parts = new ArrayList<>();
        String[] runs = highlight.split("\\*\\*", -1);
        for (int i = 0; i < runs.length; i++) {
            if (!runs[i].isEmpty()) {
                // an unpaired marker at the end leaves its run unmarked
                parts.add(new Part(runs[i], i % 2 == 1 && i < runs.length - 1));
            }
        }
        return parts;
    }
}
