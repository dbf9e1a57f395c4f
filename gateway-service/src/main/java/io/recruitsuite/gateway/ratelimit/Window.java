package io.recruitsuite.gateway.ratelimit;

/**
 * One limit that applies to a request: a name people read in a 429, how many requests, over what
 * length, and whether it slides (per minute and hour) or is fixed (per calendar month). A durable
 * window's count is kept by the keys-service too, so a bucket Redis lost is restored from there.
 */
public record Window(String name, String description, long limit, long lengthMillis, long elapsedMillis, boolean sliding,
                     String currentKey, String previousKey, boolean durable) {

    /** The bucket holding {@code nowMillis} for a sliding window of {@code lengthMillis}. */
    public static Window sliding(String name, String description, long limit, long lengthMillis, String keyBase, long nowMillis) {
        long bucket = nowMillis / lengthMillis;
        return new Window(name, description, limit, lengthMillis, nowMillis - bucket * lengthMillis, true,
                keyBase + ":" + bucket, keyBase + ":" + (bucket - 1), false);
    }

    /** A calendar window whose count the keys-service also keeps (the monthly quota). */
    public static Window durable(String name, String description, long limit, long startMillis, long endMillis, String key, long nowMillis) {
        return new Window(name, description, limit, endMillis - startMillis, nowMillis - startMillis, false, key, null, true);
    }

    /** The same window with another limit: what this replica may admit on its own while Redis does not answer. */
    public Window withLimit(long newLimit) {
        return new Window(name, description, newLimit, lengthMillis, elapsedMillis, sliding, currentKey, previousKey, durable);
    }

    public long remainingMillis() {
        return lengthMillis - elapsedMillis;
    }
}
