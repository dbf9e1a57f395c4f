package io.recruitsuite.candidate.documents;

import io.recruitsuite.common.persistence.OrganizationOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A CV document and its extracted text; written once, never changed. */
@Entity
@Table(name = "documents")
public class Document implements OrganizationOwned {

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "candidate_id")
    private String candidateId;
    private String filename;
    @Column(name = "file_type")
    private String fileType;
    @Column(name = "file_size")
    private long fileSize;
    @Column(name = "word_count")
    private int wordCount;
    private String text;
    @Column(name = "uploaded_at")
    private OffsetDateTime uploadedAt;

    protected Document() {
    }

    public Document(String id, String organizationId, String candidateId, String filename, String fileType, long fileSize, int wordCount,
                    String text, OffsetDateTime uploadedAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.candidateId = candidateId;
        this.filename = filename;
        this.fileType = fileType;
        this.fileSize = fileSize;
        this.wordCount = wordCount;
        this.text = text;
        this.uploadedAt = uploadedAt;
    }

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

    public String id() {
        return id;
    }

    @Override
    public String organizationId() {
        return organizationId;
    }

    public String candidateId() {
        return candidateId;
    }

    public String filename() {
        return filename;
    }

    public String fileType() {
        return fileType;
    }

    public long fileSize() {
        return fileSize;
    }

    public int wordCount() {
        return wordCount;
    }

    public String text() {
        return text;
    }

    public OffsetDateTime uploadedAt() {
        return uploadedAt;
    }
}
