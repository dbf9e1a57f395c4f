package io.recruitsuite.search.query;

/** A result's {@code similarity} (0–1) and, when the request asked for it, how it was computed. */
public record Scored(double similarity, Explain explain) {
}
