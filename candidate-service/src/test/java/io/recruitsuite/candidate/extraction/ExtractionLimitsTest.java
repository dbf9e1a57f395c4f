package io.recruitsuite.candidate.extraction;

import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files built to cost far more to read than their size: each is refused within its budget. */
public class ExtractionLimitsTest {

    static final long MB = 1024 * 1024;
    final TextExtractor extractor = new TextExtractor(new ExtractionLimits(50, 32 * MB, 1000, 200_000, Duration.ofSeconds(1)));

    /** A DOCX whose document part inflates to {@code megabytes} of spaces: a few hundred KB on the wire. */
    public static byte[] docxExpandingTo(long megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] spaces = new byte[(int) MB];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                zip.write(spaces);
            }
        }
        return out.toByteArray();
    }

    /**
     * A one-page PDF of nested forms, each drawing the next ten times: a few KB on the wire, 10^levels
     * text operations to read (the classic PDF CPU bomb).
     */
    static byte[] pdfOfNestedForms(int levels) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDRectangle box = new PDRectangle(0, 0, 100, 100);
            PDFormXObject inner = new PDFormXObject(doc);
            inner.setBBox(box);
            inner.setResources(new PDResources());
            try (PDFormContentStream content = new PDFormContentStream(inner)) {
                content.beginText();
                content.setFont(font, 1);
                content.showText("a");
                content.endText();
            }
            for (int level = 0; level < levels; level++) {
                PDFormXObject outer = new PDFormXObject(doc);
                outer.setBBox(box);
                outer.setResources(new PDResources());
                try (PDFormContentStream content = new PDFormContentStream(outer)) {
                    for (int i = 0; i < 10; i++) {
                        content.drawForm(inner);
                    }
                }
                inner = outer;
            }
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawForm(inner);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aDocxThatExpandsBeyondTheBudgetIsRefusedWithoutReadingItWhole() throws IOException {
        byte[] bomb = docxExpandingTo(100);
        assertTrue(bomb.length < 2 * MB, "the bomb is small on the wire: " + bomb.length);
        long started = System.nanoTime();
        ApiException refused = assertThrows(ApiException.class, () -> extractor.extract(FileKind.DOCX, bomb));
        assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, refused.code());
        assertTrue(refused.getMessage().contains("expands to more than 32 MB"), refused.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "stopped at the budget, not after 100 MB");
    }

    @Test
    void aPdfThatTakesLongerThanItsTimeBudgetIsStopped() throws IOException {
        byte[] heavy = pdfOfNestedForms(7);
        assertTrue(heavy.length < 64 * 1024, "the bomb is small on the wire: " + heavy.length);
        long started = System.nanoTime();
        ApiException refused = assertThrows(ApiException.class, () -> extractor.extract(FileKind.PDF, heavy));
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertEquals(ErrorCode.VALIDATION_ERROR, refused.code());
        assertTrue(refused.getMessage().contains("took longer than 1.0 s"), refused.getMessage());
        assertTrue(seconds < 4, "stopped near the 1 s budget, took " + seconds + " s");
    }

    @Test
    void readingStopsWhenTheClientIsGone() throws IOException {
        byte[] heavy = pdfOfNestedForms(7);
        Deadline gone = new Deadline(Duration.ofMinutes(1), () -> true);
        assertThrows(Deadline.Abandoned.class, () -> extractor.extract(FileKind.PDF, heavy, gone));
    }
}
