package io.recruitsuite.candidate.applications;

import io.recruitsuite.common.error.ApiException;

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
}
