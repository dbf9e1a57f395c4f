package io.recruitsuite.keys.plans;

import io.recruitsuite.common.error.ApiException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

public enum Plan {
    FREE, STARTER, PROFESSIONAL, ENTERPRISE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Plan parse(String value) {
        if (value != null) {
            for (Plan p : values()) {
                if (p.wire().equals(value)) {
                    return p;
                }
            }
        }
        throw ApiException.validation("plan must be one of: "
                + Arrays.stream(values()).map(Plan::wire).collect(Collectors.joining(", ")));
    }
}
