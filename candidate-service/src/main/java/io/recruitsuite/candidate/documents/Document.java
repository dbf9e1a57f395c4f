package io.recruitsuite.candidate.documents;

import java.time.OffsetDateTime;

/** A CV document and its extracted text. */
public record Document(
        String id,
        String organizationId,
        String candidateId,
        String filename,
        String fileType,
        long fileSize,
        int wordCount,
        String text,
        OffsetDateTime uploadedAt) {

    public static int countWords(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = !Character.isWhitespace(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }
}
