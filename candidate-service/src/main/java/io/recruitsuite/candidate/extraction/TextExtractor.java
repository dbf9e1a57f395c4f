package io.recruitsuite.candidate.extraction;

import io.recruitsuite.common.error.ApiException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a CV file into plain text. Blocking CPU work: callers run it on a worker thread. Every way a
 * file can be unreadable ends as a validation error naming the reason, never as a 500.
 */
public final class TextExtractor {

    private final int maxPdfPages;

    public TextExtractor(int maxPdfPages) {
        this.maxPdfPages = maxPdfPages;
    }

    public String extract(FileKind kind, byte[] content) {
        String text = switch (kind) {
            case PDF -> pdf(content);
            case DOCX -> docx(content);
            case TEXT, MARKDOWN -> utf8(content);
        };
        String cleaned = normalize(text);
        if (cleaned.isEmpty()) {
            throw ApiException.validation("file: contains no extractable text"
                    + (kind == FileKind.PDF ? " (a scanned PDF needs OCR first)" : ""));
        }
        return cleaned;
    }

    private String pdf(byte[] content) {
        try (PDDocument doc = Loader.loadPDF(content)) {
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
                throw ApiException.validation("file: the PDF is protected against text extraction");
            }
            if (doc.getNumberOfPages() > maxPdfPages) {
                throw ApiException.validation("file: the PDF has " + doc.getNumberOfPages() + " pages; at most " + maxPdfPages);
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        } catch (InvalidPasswordException e) {
            throw ApiException.validation("file: the PDF is password-protected; upload an unprotected copy");
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.validation("file: not a readable PDF (corrupt or truncated)");
        }
    }

    private static String docx(byte[] content) {
        if (FileSniffer.signature(content) == FileSniffer.Signature.OLE2) {
            throw encryptedOrLegacy(content);
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        } catch (IOException | RuntimeException e) {
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
