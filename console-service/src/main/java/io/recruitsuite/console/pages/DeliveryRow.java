package io.recruitsuite.console.pages;

import java.util.List;
import java.util.Map;

/** A line of an endpoint's delivery log: the delivery and what its latest attempt got back. */
public record DeliveryRow(Map<String, Object> delivery, Object responseCode, Object latencyMs) {

    @SuppressWarnings("unchecked")
    static DeliveryRow of(Map<String, Object> delivery) {
        Object log = delivery.get("attemptLog");
        List<Map<String, Object>> attempts = log instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        Map<String, Object> last = attempts.isEmpty() ? Map.of() : attempts.get(attempts.size() - 1);
        return new DeliveryRow(delivery, last.get("statusCode"), last.get("latencyMs"));
    }
}
