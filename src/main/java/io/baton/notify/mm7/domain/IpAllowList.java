package io.baton.notify.mm7.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Addresses allowed to post MM7 requests: CIDRs ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or single IPs. */
public final class IpAllowList {

    private record Range(byte[] network, int prefix) {
    }

    private final List<Range> ranges = new ArrayList<>();

    /** @throws IllegalArgumentException naming the entry that is not an IP literal or CIDR */
    public IpAllowList(List<String> entries) {
        for (String entry : entries) {
            String e = entry.strip();
            int slash = e.indexOf('/');
            byte[] address = literal(slash < 0 ? e : e.substring(0, slash), entry);
            int prefix;
            try {
                prefix = slash < 0 ? address.length * 8 : Integer.parseInt(e.substring(slash + 1));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("baton.mm7.allowed-ips: bad prefix length in " + entry);
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("baton.mm7.allowed-ips: prefix out of range in " + entry);
            }
            ranges.add(new Range(address, prefix));
        }
    }

    public boolean allows(String ip) {
        byte[] a;
        try {
            a = literal(ip, ip);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (Range r : ranges) {
            if (r.network.length == a.length && samePrefix(r.network, a, r.prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePrefix(byte[] x, byte[] y, int bits) {
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((x[i / 8] & mask) != (y[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** An IP literal only: never a DNS lookup. */
    private static byte[] literal(String ip, String entry) {
        String s = ip == null ? "" : ip.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        boolean v4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = s.contains(":") && s.matches("[0-9a-fA-F:.]+");
        if (!v4 && !v6) {
            throw new IllegalArgumentException("baton.mm7.allowed-ips: not an IP address or CIDR: " + entry);
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("baton.mm7.allowed-ips: not an IP address or CIDR: " + entry);
        }
    }
}
