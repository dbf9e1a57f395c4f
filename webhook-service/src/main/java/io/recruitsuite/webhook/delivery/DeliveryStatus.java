package io.recruitsuite.webhook.delivery;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * A delivery is {@code PENDING} until it succeeds or runs out of attempts ({@code FAILED}; a 410 fails it
 * at once). Stored as the lower-case wire name.
 */
public enum DeliveryStatus {
    PENDING, SUCCEEDED, FAILED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
