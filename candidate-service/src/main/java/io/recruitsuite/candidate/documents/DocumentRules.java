package io.recruitsuite.candidate.documents;

import io.recruitsuite.candidate.candidates.CandidateService.NewDocument;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What a CV document must satisfy before anything is stored. */
@ApplicationScoped
public class DocumentRules {

    public static final int MAX_FILENAME = 255;

    @Inject
    DocumentsConfig config;

    /** A CV given as text in JSON: plain text, or Markdown when the filename says so. */
    public NewDocument fromText(String filename, String text) {
        String name = filename(filename == null ? "cv.txt" : filename);
        String type = name.toLowerCase(Locale.ROOT).endsWith(".md") ? "md" : "txt";
        String cleaned = text.replace("\u0000", "").strip();
        if (cleaned.isEmpty()) {
            throw ApiException.validation("cvText: String must contain at least 1 character(s)");
        }
        long size = cleaned.getBytes(StandardCharsets.UTF_8).length;
        if (size > config.maxSize().asLongValue()) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "cvText: at most " + config.maxSize().asLongValue() + " bytes");
        }
        if (cleaned.length() > config.maxTextChars()) {
            throw ApiException.validation("cvText: at most " + config.maxTextChars() + " characters");
        }
        return new NewDocument(name, type, size, cleaned);
    }

    public String filename(String filename) {
        String name = filename == null ? "" : filename.strip();
        // keep only the last path segment: a filename never names a place
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1).replaceAll("[\\p{Cntrl}]", "");
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw ApiException.validation("filename: must name a file");
        }
        if (name.length() > MAX_FILENAME) {
            throw ApiException.validation("filename: at most " + MAX_FILENAME + " characters");
        }
        return name;
    }
}
