package io.recruitsuite.candidate.extraction;

import io.recruitsuite.common.error.ApiException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns a CV file into plain text. Blocking CPU work: callers run it on a worker thread. Every way a
 * file can be unreadable ends as a validation error naming the reason, never as a 500. Reading is
 * bounded ({@link ExtractionLimits}): bytes expanded, pages, characters and time, checked while the
 * parsers work (a PDF between its content-stream operators), and stopped when the client is gone.
 */
public final class TextExtractor {

    /** Operators of a PDF content stream between two looks at the clock. */
    private static final int OPERATORS_PER_CHECK = 256;

    private final ExtractionLimits limits;

    public TextExtractor(ExtractionLimits limits) {
        this.limits = limits;
        // POI's own guard too, for anything it opens beyond what ZipBudget already inflated
        ZipSecureFile.setMaxEntrySize(limits.maxExpandedBytes());
    }

    public String extract(FileKind kind, byte[] content) {
        return extract(kind, content, new Deadline(limits.timeBudget(), () -> false));
    }

    public String extract(FileKind kind, byte[] content, Deadline deadline) {
        String text = switch (kind) {
            case PDF -> pdf(content, deadline);
            case DOCX -> docx(content, deadline);
            case TEXT, MARKDOWN -> utf8(content);
        };
        String cleaned = normalize(text);
        if (cleaned.isEmpty()) {
            throw ApiException.validation("file: contains no extractable text"
                    + (kind == FileKind.PDF ? " (a scanned PDF needs OCR first)" : ""));
        }
        return cleaned;
    }

    private String pdf(byte[] content, Deadline deadline) {
        try (PDDocument doc = Loader.loadPDF(content, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(limits.maxExpandedBytes()).streamCache)) {
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
                throw ApiException.validation("file: the PDF is protected against text extraction");
            }
            int pages = doc.getNumberOfPages();
            if (pages > limits.maxPdfPages()) {
                throw ApiException.validation("file: the PDF has " + pages + " pages; at most " + limits.maxPdfPages());
            }
            BoundedStripper stripper = new BoundedStripper(deadline);
            stripper.setSortByPosition(true);
            StringBuilder text = new StringBuilder();
            // a page at a time: the text so far is measured between pages, the clock inside them
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                text.append(stripper.getText(doc));
                if (text.length() > limits.maxTextChars()) {
                    throw ApiException.validation("file: the extracted text has more than " + limits.maxTextChars() + " characters");
                }
                deadline.check();
            }
            return text.toString();
        } catch (InvalidPasswordException e) {
            throw ApiException.validation("file: the PDF is password-protected; upload an unprotected copy");
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            if (e instanceof Deadline.Abandoned abandoned) {
                throw abandoned;
            }
            throw ApiException.validation("file: not a readable PDF (corrupt or truncated)");
        }
    }

    /** The text stripper with a look at the deadline every few hundred content-stream operators. */
    private static final class BoundedStripper extends PDFTextStripper {

        private final Deadline deadline;
        private int operators;

        BoundedStripper(Deadline deadline) {
            this.deadline = deadline;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if (++operators % OPERATORS_PER_CHECK == 0) {
                deadline.check();
            }
            super.processOperator(operator, operands);
        }
    }

    private String docx(byte[] content, Deadline deadline) {
        if (FileSniffer.signature(content) == FileSniffer.Signature.OLE2) {
            throw encryptedOrLegacy(content);
        }
        ZipBudget.check(content, limits.maxExpandedBytes(), limits.maxZipEntries(), deadline);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            deadline.check();
            return extractor.getText();
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            if (e instanceof Deadline.Abandoned abandoned) {
                throw abandoned;
            }
            throw ApiException.validation("file: not a readable DOCX document (corrupt or not a Word document)");
        }
    }

    /** Office stores a password-protected DOCX as an OLE2 container holding the encrypted package. */
    private static ApiException encryptedOrLegacy(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            if (fs.getRoot().hasEntry(Decryptor.DEFAULT_POIFS_ENTRY) || fs.getRoot().hasEntry("EncryptionInfo")) {
                return ApiException.validation("file: the DOCX document is password-protected; upload an unprotected copy");
            }
        } catch (IOException | RuntimeException e) {
            return ApiException.validation("file: not a readable DOCX document (corrupt)");
        }
        return ApiException.validation("file: a legacy Word (.doc) file named as DOCX; save it as DOCX or PDF");
    }

    private static String utf8(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                throw ApiException.validation("file: not a text file (binary content)");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiException.validation("file: text files must be UTF-8 encoded");
        }
    }

    /** Unix line ends, no byte-order mark or control characters, no trailing spaces, at most one blank line in a row. */
    static String normalize(String text) {
        String t = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[\\p{Cntrl}&&[^\n\t]]", "")
                .replaceAll("[ \t]+\n", "\n")
                .replaceAll("\n{3,}", "\n\n");
        return t.strip();
    }
}
