package io.recruitsuite.candidate.jobs;

import io.recruitsuite.common.error.ApiException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.stream.Collectors;

public enum JobStatus {
    DRAFT("draft"), PUBLISHED("published"), CLOSED("closed");

    private final String wire;

    JobStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Case-sensitive, as integrators filter with exactly these words. */
    public static JobStatus parse(String field, String value) {
        for (JobStatus s : values()) {
            if (s.wire.equals(value)) {
                return s;
            }
        }
        throw ApiException.validation(field + ": must be one of " + Arrays.stream(values()).map(JobStatus::wire).collect(Collectors.joining(", ")));
    }

    /** The column holds the wire name (a check constraint lists them). */
    @Converter
    public static class Column implements AttributeConverter<JobStatus, String> {
        @Override
        public String convertToDatabaseColumn(JobStatus status) {
            return status == null ? null : status.wire();
        }

        @Override
        public JobStatus convertToEntityAttribute(String wire) {
            return wire == null ? null : parse("status", wire);
        }
    }
}
