package io.recruitsuite.candidate.extraction;

import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Inflates a zip (a DOCX) once, counting, before any parser reads it whole: the bytes actually
 * produced are counted, not the sizes the archive declares, so a bomb stops at the budget.
 */
final class ZipBudget {

    private ZipBudget() {
    }

    static void check(byte[] content, long maxExpandedBytes, int maxEntries, Deadline deadline) {
        byte[] buffer = new byte[64 * 1024];
        long expanded = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > maxEntries) {
                    throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "file: the document holds more than " + maxEntries + " parts");
                }
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    expanded += n;
                    if (expanded > maxExpandedBytes) {
                        throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "file: the document expands to more than "
                                + maxExpandedBytes / (1024 * 1024) + " MB; no CV needs that much");
                    }
                    deadline.check();
                }
                if (entry.isDirectory()) {
                    continue;
                }
            }
        } catch (IOException e) {
            throw ApiException.validation("file: not a readable DOCX document (corrupt or not a Word document)");
        }
    }
}
