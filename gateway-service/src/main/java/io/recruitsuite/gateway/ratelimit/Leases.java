package io.recruitsuite.gateway.ratelimit;

import io.recruitsuite.gateway.auth.Principal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests Redis has already counted for one caller and kind of request, admitted here without a round
 * trip. The rate-limit script counts a block (a lease) when every window of the request has room for it;
 * the requests that follow take from the block until it is used up, expires ({@code lease-lifetime}) or
 * its buckets end, whichever comes first. A lease never admits more than Redis counted, so leases never
 * let a caller past a limit; what a lease holds but does not use is given back to the buckets it was
 * counted in. A replica that dies with a lease loses at most that block: the caller's windows then hold
 * that many fewer requests until they end, and the monthly quota that many fewer for the month. The
 * monthly usage that is billed is what was admitted (the usage reports), never the lease counts.
 *
 * <p>Grants start at one request and double while a lease is used up before it expires (a busy caller),
 * halve when one expires unused, and are capped by {@code lease-max-requests} here and by the script at
 * {@code lease-share} of the room left in the request's tightest window: near a limit every request goes
 * to Redis again, so the last requests of a window are counted exactly.
 */
public final class Leases {

    /** Who a lease is for: {@link Windows#forRequest} depends on exactly these. */
    public record Holder(String authMethod, String organizationId, String keyId, String subject, String rateClass,
                         Principal.Limits limits) {

        public static Holder of(Principal p, String rateClass) {
            return new Holder(p.authMethod(), p.organizationId(), p.keyId(), p.subject(), rateClass, p.limits());
        }

        /** From the strings (their hashes are cached); the limits take part in equality only. */
        @Override
        public int hashCode() {
            return ((31 * java.util.Objects.hashCode(organizationId) + java.util.Objects.hashCode(keyId)) * 31
                    + java.util.Objects.hashCode(subject)) * 31 + java.util.Objects.hashCode(rateClass);
        }
    }

    /** Requests counted in Redis in advance and never admitted: the buckets they were counted in, and how many. */
    public record Unused(List<String> keys, long count) {
    }

    /** Where unused requests go back to (Redis); called outside any lock. */
    public interface GiveBack {
        void giveBack(Unused unused);
    }

    private final Map<Holder, Slot> slots = new ConcurrentHashMap<>();
    private final long maxGrant;
    private final long lifetimeMillis;
    private final GiveBack giveBack;

    public Leases(long maxGrant, long lifetimeMillis, GiveBack giveBack) {
        this.maxGrant = Math.max(1, maxGrant);
        this.lifetimeMillis = lifetimeMillis;
        this.giveBack = giveBack;
    }

    /** A request admitted from this holder's lease, or null: ask Redis (for {@link #nextGrant} requests). */
    public Decision take(Holder holder, long nowMillis) {
        Slot slot = slots.get(holder);
        if (slot == null) {
            return null;
        }
        Decision leased = slot.take(nowMillis);
        if (leased == null) {
            release(slot.expire(nowMillis));
        }
        return leased;
    }

    /** How many requests to ask Redis to count for this holder's next lease. */
    public long nextGrant(Holder holder) {
        Slot slot = slots.get(holder);
        return slot == null ? 1 : slot.grant();
    }

    /**
     * Redis counted {@code granted} requests for the holder; the request that asked uses one of them and the
     * rest form the lease. Returns that request's decision ({@code answer}, whose remaining counts are after all
     * {@code granted}, with what this replica's lease still holds added back).
     */
    public Decision admit(Holder holder, Decision answer, long granted, List<Window> windows, long nowMillis) {
        long bucketsEnd = Long.MAX_VALUE;
        List<String> keys = new ArrayList<>(windows.size());
        for (Window w : windows) {
            keys.add(w.currentKey());
            bucketsEnd = Math.min(bucketsEnd, nowMillis + w.remainingMillis());
        }
        long expiresAt = Math.min(nowMillis + lifetimeMillis, bucketsEnd);
        Slot.Admission[] admission = new Slot.Admission[1];
        // under the map's lock for this holder, so that a sweep never forgets a slot a lease is being added to
        slots.compute(holder, (h, slot) -> {
            Slot admitted = slot == null ? new Slot(maxGrant) : slot;
            admission[0] = admitted.admit(answer, granted, keys, expiresAt, nowMillis);
            return admitted;
        });
        release(admission[0].stale());
        return admission[0].decision();
    }

    /** Gives back what expired leases left unused and forgets holders idle for {@code idleMillis}. */
    public void sweep(long nowMillis, long idleMillis) {
        slots.forEach((holder, slot) -> {
            release(slot.expire(nowMillis));
            slots.computeIfPresent(holder, (h, s) -> s.idleSince(nowMillis - idleMillis) ? null : s);
        });
    }

    /** Gives back every lease's unused requests (at shutdown: the next replica's windows get them). */
    public void giveBackAll() {
        slots.forEach((holder, slot) -> release(slot.expire(Long.MAX_VALUE)));
        slots.clear();
    }

    /** Callers with a lease or a grant size remembered. */
    public int holders() {
        return slots.size();
    }

    /** Requests held in leases now, over all holders. */
    public long held() {
        return slots.values().stream().mapToLong(Slot::left).sum();
    }

    private void release(Unused unused) {
        if (unused != null && unused.count() > 0) {
            giveBack.giveBack(unused);
        }
    }

    /** One holder's lease. */
    static final class Slot {

        record Admission(Decision decision, Unused stale) {
        }

        private final long maxGrant;
        private Decision base;
        private long decidedAt;
        private List<String> keys = List.of();
        private long left;
        private long expiresAt;
        private long grant = 1;
        private boolean grown;
        private long lastUsed;

        Slot(long maxGrant) {
            this.maxGrant = maxGrant;
        }

        synchronized Decision take(long now) {
            lastUsed = now;
            if (now >= expiresAt) {
                return null;
            }
            if (left == 0) {
                // used up before it expired: a busy holder, so ask for more next time (once per lease)
                if (!grown) {
                    grant = Math.min(maxGrant, grant * 2);
                    grown = true;
                }
                return null;
            }
            left--;
            return decision(now);
        }

        /** The unused requests of an expired lease, now taken out of it; null if none. */
        synchronized Unused expire(long now) {
            if (now < expiresAt || left == 0) {
                return null;
            }
            Unused unused = new Unused(keys, left);
            left = 0;
            grant = Math.max(1, grant / 2);
            return unused;
        }

        synchronized Admission admit(Decision answer, long granted, List<String> newKeys, long newExpiresAt, long now) {
            lastUsed = now;
            Unused stale = null;
            if (left > 0 && (now >= expiresAt || !keys.equals(newKeys))) {
                stale = new Unused(keys, left);
                left = 0;
            }
            // requests that raced for a lease each bring one: their blocks add up, all counted in these buckets
            left += granted - 1;
            base = answer;
            decidedAt = now;
            keys = newKeys;
            expiresAt = newExpiresAt;
            grown = false;
            return new Admission(decision(now), stale);
        }

        synchronized long grant() {
            return grant;
        }

        synchronized long left() {
            return left;
        }

        synchronized boolean idleSince(long since) {
            return left == 0 && lastUsed < since;
        }

        /** The last answer, with this lease's unused requests added back to what is left and resets moved on. */
        private Decision decision(long now) {
            long elapsedSeconds = (now - decidedAt) / 1000;
            Decision.Quota quota = base.quota() == null ? null : new Decision.Quota(base.quota().limit(),
                    base.quota().remaining() + left, Math.max(0, base.quota().resetSeconds() - elapsedSeconds));
            return new Decision(true, null, 0, base.tightest(), base.limit(), base.remaining() + left,
                    Math.max(0, base.resetSeconds() - elapsedSeconds), quota);
        }
    }
}
