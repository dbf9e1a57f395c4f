package io.recruitsuite.search.indexing;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CV text into overlapping windows of words, so a skill mentioned at a chunk border is
 * still seen whole by one chunk, and each chunk stays well within the model's input length.
 */
public final class Chunker {

    private final int size;
    private final int overlap;

    public Chunker(int size, int overlap) {
        if (size <= 0 || overlap < 0 || overlap >= size) {
            throw new IllegalArgumentException("chunk size must be positive and larger than the overlap");
        }
        this.size = size;
        this.overlap = overlap;
    }

    public List<String> split(String text) {
        String[] words = text.strip().split("\\s+");
        List<String> chunks = new ArrayList<>();
        if (words.length == 0 || words[0].isEmpty()) {
            return chunks;
        }
        int step = size - overlap;
        for (int start = 0; start < words.length; start += step) {
            int end = Math.min(words.length, start + size);
            chunks.add(String.join(" ", java.util.Arrays.copyOfRange(words, start, end)));
            if (end == words.length) {
                break;
            }
        }
        return chunks;
    }
}
