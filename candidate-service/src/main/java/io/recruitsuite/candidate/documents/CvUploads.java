package io.recruitsuite.candidate.documents;

import io.recruitsuite.candidate.candidates.CandidateService.NewDocument;
import io.recruitsuite.candidate.extraction.CvContacts;
import io.recruitsuite.candidate.extraction.Deadline;
import io.recruitsuite.candidate.extraction.ExtractionLimits;
import io.recruitsuite.candidate.extraction.FileKind;
import io.recruitsuite.candidate.extraction.FileSniffer;
import io.recruitsuite.candidate.extraction.TextExtractor;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Uploaded CV files: checked, typed and turned into text before anything is stored, so a bad file
 * leaves no trace. Reading and parsing are blocking CPU work and run on the worker pool; the result comes back
 * on the caller's Vert.x context.
 */
@ApplicationScoped
public class CvUploads {

    @Inject
    DocumentsConfig config;
    @Inject
    DocumentRules rules;

    private TextExtractor extractor;
    private final Map<String, AtomicInteger> inProgress = new ConcurrentHashMap<>();
    private CvContacts contacts;

    @PostConstruct
    void init() {
        extractor = new TextExtractor(new ExtractionLimits(config.maxPdfPages(), config.maxExpandedSize().asLongValue(),
                config.maxZipEntries(), config.maxTextChars(), config.extractionTimeBudget()));
        contacts = new CvContacts(config.nameSearchLines());
    }

    /** The document to store, and the name and email found in its text (either may be null). */
    public record Extracted(NewDocument document, CvContacts.Found found) {
    }

    public record Upload(String filename, String mediaType, long size, Path file) {
    }

    /**
     * Reads an uploaded file into the document to store. {@code clientGone} stops the reading when nobody
     * waits for it any more; an organization reads at most {@code documents.extractions-per-organization}
     * files at a time.
     */
    public Uni<Extracted> extract(String organizationId, Upload upload, BooleanSupplier clientGone) {
        if (upload == null || upload.file() == null) {
            throw ApiException.validation("file: required (a multipart/form-data part named 'file')");
        }
        // the size is known before reading: refuse a large file without touching it
        checkSize(upload.size());
        String filename = rules.filename(upload.filename());
        AtomicInteger reading = inProgress.computeIfAbsent(organizationId, org -> new AtomicInteger());
        if (reading.incrementAndGet() > config.extractionsPerOrganization()) {
            reading.decrementAndGet();
            throw new ApiException(ErrorCode.RATE_LIMITED, "file: this organization already has "
                    + config.extractionsPerOrganization() + " files being read; retry in a few seconds");
        }
        Uni<Extracted> extracted = Uni.createFrom().item(() -> extractBlocking(filename, upload, new Deadline(config.extractionTimeBudget(), clientGone)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onTermination().invoke(() -> inProgress.computeIfPresent(organizationId, (org, n) -> n.decrementAndGet() <= 0 ? null : n));
        // the caller goes on to store the CV in a reactive session, which lives on the request's Vert.x context: return there
        Context context = Vertx.currentContext();
        return context == null ? extracted : extracted.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    Extracted extractBlocking(String filename, Upload upload, Deadline deadline) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("CV extraction must not run on an event-loop thread");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(upload.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (content.length == 0) {
            throw ApiException.validation("file: is empty");
        }
        checkSize(content.length);
        FileKind kind = FileSniffer.detect(filename, upload.mediaType(), content);
        String text = extractor.extract(kind, content, deadline);
        if (text.length() > config.maxTextChars()) {
            throw ApiException.validation("file: the extracted text has " + text.length() + " characters; at most " + config.maxTextChars());
        }
        return new Extracted(new NewDocument(filename, kind.type(), content.length, text), contacts.find(text));
    }

    private void checkSize(long size) {
        long max = config.maxSize().asLongValue();
        if (size > max) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "file: at most " + max + " bytes (" + (max / (1024 * 1024)) + " MB)");
        }
    }
}
