package io.recruitsuite.webhook.ssrf;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses a webhook may be delivered to: public unicast only. Loopback, private, link-local
 * (cloud metadata at 169.254.169.254 among them), carrier-grade NAT, unique-local, multicast,
 * unspecified and reserved ranges are refused, also when an IPv6 address carries the IPv4 address
 * inside it: IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code ::a.b.c.d}), SIIT
 * ({@code ::ffff:0:a.b.c.d}), NAT64 ({@code 64:ff9b::/96}, {@code 64:ff9b:1::/48}) and 6to4
 * ({@code 2002::/16}) all reach the embedded IPv4 address through a translator or tunnel.
 */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    /** Null when {@code address} is allowed, otherwise why not. */
    public static String refusal(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            byte[] embedded = embeddedIpv4(b);
            if (embedded != null) {
                try {
                    String inner = refusal(InetAddress.getByAddress(embedded));
                    return inner == null ? null : inner + " (inside an IPv6 address)";
                } catch (Exception e) {
                    return "an invalid address";
                }
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "a private (unique local) address";
            }
            if (b[0] == (byte) 0xfd && b[1] == 0x00 && b[2] == (byte) 0xec && b[3] == 0x02) {
                return "a cloud metadata address";
            }
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "an unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local or cloud metadata address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 100 && second >= 64 && second <= 127) {
                return "a carrier-grade NAT address";
            }
            if (first == 0 || first >= 240 || first == 192 && second == 0 && (b[2] & 0xff) == 0
                    || first == 198 && (second == 18 || second == 19)) {
                return "a reserved address";
            }
        }
        return null;
    }

    /** The IPv4 address an IPv6 address carries by one of the standard embeddings, or null. */
    static byte[] embeddedIpv4(byte[] b) {
        if (zeros(b, 0, 10) && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
            return copy(b, 12);                                    // ::ffff:a.b.c.d, IPv4-mapped
        }
        if (zeros(b, 0, 8) && b[8] == (byte) 0xff && b[9] == (byte) 0xff && b[10] == 0 && b[11] == 0) {
            return copy(b, 12);                                    // ::ffff:0:a.b.c.d, SIIT
        }
        if (zeros(b, 0, 12) && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1))) {
            return copy(b, 12);                                    // ::a.b.c.d, IPv4-compatible (not :: or ::1)
        }
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
            if (zeros(b, 4, 12)) {
                return copy(b, 12);                                // 64:ff9b::/96, NAT64 well-known prefix
            }
            if (b[4] == 0x00 && b[5] == 0x01) {
                return copy(b, 12);                                // 64:ff9b:1::/48, local-use NAT64
            }
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return new byte[]{b[2], b[3], b[4], b[5]};             // 2002:AABB:CCDD::/48, 6to4
        }
        return null;
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] copy(byte[] b, int from) {
        return new byte[]{b[from], b[from + 1], b[from + 2], b[from + 3]};
    }
}
