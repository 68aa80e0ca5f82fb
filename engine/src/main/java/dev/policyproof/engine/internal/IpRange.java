package dev.policyproof.engine.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 CIDR block for {@code IpAddress} and {@code NotIpAddress}. A bare address is a single-address block
 * ({@code /32} or {@code /128}), and any prefix from {@code /0} is accepted.
 */
public record IpRange(byte[] network, int prefixLength) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Starts with a hex digit or a colon, so that InetAddress parses it as a literal and never looks it up. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /**
     * Parses a CIDR block or address as written in a policy.
     *
     * @throws IllegalArgumentException if {@code text} is neither
     */
    public static IpRange parse(String text) {
        IpRange range = tryParse(text);
        if (range == null) {
            throw new IllegalArgumentException("\"" + text
                    + "\" is not an IP address or CIDR block; use a form such as \"203.0.113.0/24\" or \"2001:db8::/32\"");
        }
        return range;
    }

    public static @Nullable IpRange tryParse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = addressBytes(address);
        if (bytes == null) {
            return null;
        }
        int maxPrefix = bytes.length * 8;
        int prefix = maxPrefix;
        if (slash >= 0) {
            String digits = trimmed.substring(slash + 1);
            if (!digits.matches("\\d{1,3}")) {
                return null;
            }
            prefix = Integer.parseInt(digits);
            if (prefix > maxPrefix) {
                return null;
            }
        }
        return new IpRange(mask(bytes, prefix), prefix);
    }

    /** Returns true when {@code address} is a valid address inside this block; false for anything else. */
    boolean contains(String address) {
        IpRange single = tryParse(address);
        if (single == null || single.network.length != network.length || single.prefixLength != network.length * 8) {
            return false;
        }
        return new BigInteger(1, mask(single.network, prefixLength)).equals(new BigInteger(1, network));
    }

    /** Parses only literal addresses, so that no host name is ever resolved. */
    private static byte @Nullable [] addressBytes(String address) {
        boolean v4 = IPV4.matcher(address).matches();
        if (!v4 && !IPV6.matcher(address).matches()) {
            return null;
        }
        if (v4) {
            for (String octet : address.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return v4 == (bytes.length == 4) ? bytes : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int bit = prefix; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        }
        return masked;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpRange that
                && prefixLength == that.prefixLength
                && java.util.Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
