package io.recruitsuite.candidate.applications;

import io.recruitsuite.common.error.ApiException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

public enum ApplicationStatus {
    ACTIVE("active"), REJECTED("rejected");

    private final String wire;

    ApplicationStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static ApplicationStatus parse(String field, String value) {
        for (ApplicationStatus s : values()) {
            if (s.wire.equals(value)) {
                return s;
            }
        }
        throw ApiException.validation(field + ": must be one of active, rejected");
    }

    /** The column holds the wire name (a check constraint lists them). */
    @Converter
    public static class Column implements AttributeConverter<ApplicationStatus, String> {
        @Override
        public String convertToDatabaseColumn(ApplicationStatus status) {
            return status == null ? null : status.wire();
        }

        @Override
        public ApplicationStatus convertToEntityAttribute(String wire) {
            return wire == null ? null : parse("status", wire);
        }
    }
}
