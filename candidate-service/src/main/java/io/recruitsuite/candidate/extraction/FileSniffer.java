package io.recruitsuite.candidate.extraction;

import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;

import java.util.Locale;

/**
 * Decides what an uploaded file is. The content's signature wins over what the client claims, so a
 * PDF named {@code cv.txt} is read as a PDF; a claim that the content contradicts is a corrupt file
 * (400), and a format we do not read is 415.
 */
public final class FileSniffer {

    static final String SUPPORTED = "supported are PDF, DOCX, plain text (.txt) and Markdown (.md)";

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final String DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private FileSniffer() {
    }

    /** What the content looks like regardless of the name. */
    public enum Signature { PDF, ZIP, OLE2, OTHER }

    public static Signature signature(byte[] content) {
        if (startsWith(content, PDF)) {
            return Signature.PDF;
        }
        if (startsWith(content, ZIP)) {
            return Signature.ZIP;
        }
        if (startsWith(content, OLE2)) {
            return Signature.OLE2;
        }
        return Signature.OTHER;
    }

    /**
     * The kind to extract with. An OLE2 container named as DOCX is returned as DOCX so the extractor
     * can tell a password-protected DOCX (which Office stores that way) from a legacy .doc.
     */
    public static FileKind detect(String filename, String mediaType, byte[] content) {
        String ext = extension(filename);
        String media = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        Signature sig = signature(content);
        if (sig == Signature.PDF) {
            return FileKind.PDF;
        }
        boolean saysPdf = ext.equals("pdf") || (ext.isEmpty() && media.equals("application/pdf"));
        boolean saysDocx = ext.equals("docx") || (ext.isEmpty() && media.equals(DOCX_MEDIA_TYPE));
        boolean saysMarkdown = ext.equals("md") || ext.equals("markdown") || (ext.isEmpty() && media.equals("text/markdown"));
        boolean saysText = ext.equals("txt") || ext.equals("text") || (ext.isEmpty() && media.equals("text/plain"));
        if (saysPdf) {
            throw ApiException.validation("file: not a valid PDF (the content does not start like a PDF)");
        }
        if (saysDocx) {
            if (sig == Signature.ZIP || sig == Signature.OLE2) {
                return FileKind.DOCX;
            }
            throw ApiException.validation("file: not a valid DOCX document");
        }
        if (ext.equals("doc") || sig == Signature.OLE2) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "file: legacy Word (.doc) files are not supported; " + SUPPORTED);
        }
        if (saysMarkdown || saysText) {
            if (sig == Signature.ZIP) {
                throw ApiException.validation("file: named as text but holds an archive or office document");
            }
            return saysMarkdown ? FileKind.MARKDOWN : FileKind.TEXT;
        }
        throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "file: unsupported file type" + (ext.isEmpty() ? "" : " '." + ext + "'") + "; " + SUPPORTED);
    }

    static String extension(String filename) {
        if (filename == null) {
            return "";
        }
        int dot = filename.lastIndexOf('.');
        return dot < 0 || dot == filename.length() - 1 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
