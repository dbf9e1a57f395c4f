package io.recruitsuite.candidate.extraction;

/** The CV formats we read, with the short type name documents carry ({@code fileType}). */
public enum FileKind {
    PDF("pdf"), DOCX("docx"), TEXT("txt"), MARKDOWN("md");

    private final String type;

    FileKind(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }
}
