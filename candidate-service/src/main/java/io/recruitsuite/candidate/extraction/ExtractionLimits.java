package io.recruitsuite.candidate.extraction;

import java.time.Duration;

/**
 * What reading one CV file may cost: pages, bytes expanded from compressed parts (a DOCX's zip entries,
 * a PDF's streams held in memory), zip entries, characters of text and time. A file beyond any of them
 * is refused with the reason, before it costs more.
 */
public record ExtractionLimits(int maxPdfPages, long maxExpandedBytes, int maxZipEntries, int maxTextChars, Duration timeBudget) {
}
