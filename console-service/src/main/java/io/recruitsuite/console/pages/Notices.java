package io.recruitsuite.console.pages;

import java.util.Map;

/** The confirmations a page shows after a change it redirected from; anything else in {@code ?notice=} shows nothing. */
final class Notices {

    private static final Map<String, String> KNOWN = Map.of(
            "revoked", "The key was revoked. Requests with it are refused from now on.",
            "events", "The endpoint's events were saved.",
            "enabled", "The endpoint is enabled; its pending deliveries go out now.",
            "disabled", "The endpoint is disabled; events are kept for it until it is enabled again.",
            "test", "A test event is on its way; refresh to see its delivery below.",
            "redelivered", "The delivery was queued again.");

    private Notices() {
    }

    static String of(String notice) {
        return notice == null ? null : KNOWN.get(notice);
    }
}
