package io.recruitsuite.webhook.endpoints;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * An endpoint receives deliveries while {@code ACTIVE}; {@code PAUSED} after a streak of failures (its
 * deliveries wait for an enable); {@code DISABLED} after a 410 Gone. Stored as the lower-case wire name.
 */
public enum EndpointStatus {
    ACTIVE, PAUSED, DISABLED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EndpointStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
