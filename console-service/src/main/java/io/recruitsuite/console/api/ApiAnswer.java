package io.recruitsuite.console.api;

import java.util.List;
import java.util.Map;

/**
 * What the API answered: the status and the decoded envelope. {@code data} is a map or a list (Qute reads both),
 * {@code error} the error envelope's message when the status is not 2xx.
 */
public record ApiAnswer(int status, Object data, Map<String, Object> meta, String errorCode, String error) {

    public static ApiAnswer unavailable(String why) {
        return new ApiAnswer(503, null, Map.of(), "unavailable", why);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object() {
        return data instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list() {
        return data instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /** The message to show: the API's own, with its status. */
    public String problem() {
        return ok() ? null : error + " (" + status + (errorCode == null ? "" : " " + errorCode) + ")";
    }
}
