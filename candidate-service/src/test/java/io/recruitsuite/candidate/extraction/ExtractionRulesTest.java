package io.recruitsuite.candidate.extraction;

import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExtractionRulesTest {

    static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] ZIP = {'P', 'K', 3, 4, 0};
    static final byte[] TEXT = "Alice".getBytes(StandardCharsets.UTF_8);

    @Test
    void theContentSignatureWinsOverTheName() {
        assertEquals(FileKind.PDF, FileSniffer.detect("cv.txt", "text/plain", PDF));
        assertEquals(FileKind.DOCX, FileSniffer.detect("CV.DOCX", null, ZIP));
        assertEquals(FileKind.DOCX, FileSniffer.detect("cv", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP));
        assertEquals(FileKind.MARKDOWN, FileSniffer.detect("cv.md", null, TEXT));
        assertEquals(FileKind.TEXT, FileSniffer.detect("cv", "text/plain; charset=utf-8", TEXT));
    }

    @Test
    void aContradictedClaimIsCorruptAndAnUnknownFormatIsUnsupported() {
        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(ApiException.class, () -> FileSniffer.detect("cv.pdf", null, TEXT)).code());
        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(ApiException.class, () -> FileSniffer.detect("cv.docx", null, TEXT)).code());
        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(ApiException.class, () -> FileSniffer.detect("cv.txt", null, ZIP)).code());
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, assertThrows(ApiException.class, () -> FileSniffer.detect("cv.png", "image/png", TEXT)).code());
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, assertThrows(ApiException.class, () -> FileSniffer.detect("cv", null, TEXT)).code());
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, assertThrows(ApiException.class, () -> FileSniffer.detect("cv.rtf", "text/plain", TEXT)).code());
    }

    @Test
    void nameAndEmailComeFromTheOpeningLines() {
        CvContacts contacts = new CvContacts(5);
        assertEquals(new CvContacts.Found("Alice Johnson", "alice@example.com"),
                contacts.find("Curriculum Vitae\n\nAlice Johnson\nFrontend engineer\nalice@example.com"));
        assertEquals("José María García-López", contacts.find("# José María García-López | Data Engineer\n").name());
        assertEquals("Ada Lovelace", contacts.find("Name: Ada Lovelace\nada@x.io").name());
        assertNull(contacts.find("2019-2024 Backend\nJava 17, Kotlin\nbob@x.io").name());
        assertNull(contacts.find("1\n2\n3\n4\n5\nLate Name").name(), "only the opening lines can hold the name");
        assertNull(contacts.find("Alice Johnson").email());
    }

    @Test
    void extractedTextIsNormalized() {
        assertEquals("a\n\nb\tc", TextExtractor.normalize("\uFEFFa  \r\n\r\n\r\n\r\nb\tc\u0007 "));
        TextExtractor extractor = new TextExtractor(new ExtractionLimits(10, 32 << 20, 1000, 200_000, java.time.Duration.ofSeconds(5)));
        assertEquals("Alice", extractor.extract(FileKind.TEXT, " Alice \n".getBytes(StandardCharsets.UTF_8)));
        assertThrows(ApiException.class, () -> extractor.extract(FileKind.TEXT, " \n ".getBytes(StandardCharsets.UTF_8)));
    }
}
