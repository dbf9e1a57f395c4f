package io.recruitsuite.keys.keys;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a key stands in its lifecycle, as the dashboard shows it. */
public enum KeyStatus {
    ACTIVE, EXPIRED, REVOKED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
