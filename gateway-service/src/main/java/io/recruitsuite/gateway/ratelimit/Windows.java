package io.recruitsuite.gateway.ratelimit;

import io.recruitsuite.common.security.InternalToken;
import io.recruitsuite.gateway.auth.Principal;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The windows one request counts against, from the limits the keys-service gave its key. */
public final class Windows {

    public static final long MINUTE = 60_000;
    public static final long HOUR = 3_600_000;

    private Windows() {
    }

    public static List<Window> forRequest(Principal p, String rateClass, long nowMillis) {
        Principal.Limits l = p.limits();
        // one Redis hash slot per organization: {org} keeps every key of a request together in a cluster
        String org = "rl:{" + p.organizationId() + "}";
        if (InternalToken.AUTH_SESSION.equals(p.authMethod())) {
            return sessionWindows(p, l, org, nowMillis);
        }
        List<Window> windows = new ArrayList<>(5);
        windows.add(Window.sliding("organization-minute", "organization limit of " + l.organizationPerMinute() + " requests per minute",
                l.organizationPerMinute(), MINUTE, org + ":m", nowMillis));
        if ("search".equals(rateClass)) {
            windows.add(Window.sliding("search-minute", "organization search limit of " + l.searchPerMinute() + " requests per minute",
                    l.searchPerMinute(), MINUTE, org + ":s", nowMillis));
        }
        windows.add(Window.sliding("key-minute", "API key burst limit of " + l.keyPerMinute() + " requests per minute",
                l.keyPerMinute(), MINUTE, org + ":k:" + p.keyId() + ":m", nowMillis));
        windows.add(Window.sliding("key-hour", "API key sustained limit of " + l.keyPerHour() + " requests per hour",
                l.keyPerHour(), HOUR, org + ":k:" + p.keyId() + ":h", nowMillis));
        if (l.monthlyRequests() >= 0) {
            YearMonth month = YearMonth.from(Instant.ofEpochMilli(nowMillis).atZone(ZoneOffset.UTC));
            long start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            long end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            windows.add(Window.durable("monthly-quota", "monthly quota of " + l.monthlyRequests() + " requests of the "
                    + p.plan() + " plan", l.monthlyRequests(), start, end, org + ":q:" + month, nowMillis));
        }
        return windows;
    }

    /** Dashboard sessions count apart from the organization's API traffic: per user, and per organization for all its users. */
    private static List<Window> sessionWindows(Principal p, Principal.Limits l, String org, long nowMillis) {
        String user = org + ":u:" + p.subject();
        return List.of(
                Window.sliding("session-organization-minute", "dashboard limit of " + l.organizationPerMinute()
                        + " requests per minute for the organization", l.organizationPerMinute(), MINUTE, org + ":d:m", nowMillis),
                Window.sliding("session-user-minute", "dashboard limit of " + l.keyPerMinute() + " requests per minute per user",
                        l.keyPerMinute(), MINUTE, user + ":m", nowMillis),
                Window.sliding("session-user-hour", "dashboard limit of " + l.keyPerHour() + " requests per hour per user",
                        l.keyPerHour(), HOUR, user + ":h", nowMillis));
    }

    /** Reads the script's answer (see ratelimit.lua) into a decision. */
    public static Decision decide(List<Window> windows, long[] answer) {
        boolean allowed = answer[0] == 1;
        int denied = (int) answer[1];
        long retryMillis = answer[2];
        Decision.Quota quota = null;
        for (int i = 0; i < windows.size(); i++) {
            if (windows.get(i).durable()) {
                quota = new Decision.Quota(answer[3 + i * 3], answer[4 + i * 3], ceilSeconds(answer[5 + i * 3]));
            }
        }
        Window tightest = null;
        long limit = 0;
        long remaining = Long.MAX_VALUE;
        long resetMillis = 0;
        for (int i = 0; i < windows.size(); i++) {
            long wLimit = answer[3 + i * 3];
            long wRemaining = answer[4 + i * 3];
            long wReset = answer[5 + i * 3];
            if (wRemaining < remaining || denied == i + 1) {
                tightest = windows.get(i);
                limit = wLimit;
                remaining = wRemaining;
                resetMillis = wReset;
                if (denied == i + 1) {
                    break;
                }
            }
        }
        return new Decision(allowed, denied == 0 ? null : windows.get(denied - 1), ceilSeconds(retryMillis), tightest, limit,
                remaining == Long.MAX_VALUE ? 0 : remaining, ceilSeconds(resetMillis), quota);
    }

    private static long ceilSeconds(long millis) {
        return Math.max(0, (millis + 999) / 1000);
    }
}
