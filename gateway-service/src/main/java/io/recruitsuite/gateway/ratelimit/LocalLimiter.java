package io.recruitsuite.gateway.ratelimit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The same sliding-window arithmetic as ratelimit.lua, in this process: what the gateway falls back
 * to while Redis is unreachable, so limits still hold per replica and nothing answers 500.
 */
public final class LocalLimiter {

    private record Bucket(long count, long expiresAt) {
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public synchronized long[] evaluate(List<Window> windows, long nowMillis) {
        int n = windows.size();
        long[] out = new long[3 + n * 3];
        double[] used = new double[n];
        int denied = 0;
        double retry = 0;
        for (int i = 0; i < n; i++) {
            Window w = windows.get(i);
            long cur = count(w.currentKey(), nowMillis);
            double u = cur;
            long prev = 0;
            if (w.sliding()) {
                prev = count(w.previousKey(), nowMillis);
                u = prev * (double) (w.lengthMillis() - w.elapsedMillis()) / w.lengthMillis() + cur;
            }
            used[i] = u;
            long untilEnd = w.lengthMillis() - w.elapsedMillis();
            if (denied == 0 && u + 1 > w.limit()) {
                denied = i + 1;
                if (!w.sliding() || cur + 1 > w.limit()) {
                    double extra = w.sliding() && cur > 0 ? Math.max(0, w.lengthMillis() * (1 - (w.limit() - 1) / (double) cur)) : 0;
                    retry = untilEnd + extra;
                } else {
                    retry = Math.max(1, untilEnd - (w.limit() - cur - 1) * (double) w.lengthMillis() / prev);
                }
            }
        }
        out[0] = denied == 0 ? 1 : 0;
        out[1] = denied;
        out[2] = (long) Math.ceil(retry);
        for (int i = 0; i < n; i++) {
            Window w = windows.get(i);
            double remaining = w.limit() - used[i];
            if (denied == 0) {
                long ttl = w.sliding() ? w.lengthMillis() * 2 : w.lengthMillis();
                buckets.merge(w.currentKey(), new Bucket(1, nowMillis + ttl),
                        (old, one) -> new Bucket(old.expiresAt() < nowMillis ? 1 : old.count() + 1, one.expiresAt()));
                remaining -= 1;
            }
            out[3 + i * 3] = w.limit();
            out[4 + i * 3] = Math.max(0, (long) Math.floor(remaining));
            out[5 + i * 3] = w.lengthMillis() - w.elapsedMillis();
        }
        return out;
    }

    private long count(String key, long nowMillis) {
        Bucket b = buckets.get(key);
        return b == null || b.expiresAt() < nowMillis ? 0 : b.count();
    }

    /** Forgets expired buckets; called now and then so the map does not grow. */
    public void purge(long nowMillis) {
        buckets.entrySet().removeIf(e -> e.getValue().expiresAt() < nowMillis);
    }
}
