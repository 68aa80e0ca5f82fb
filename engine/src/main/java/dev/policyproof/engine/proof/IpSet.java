package dev.policyproof.engine.proof;

import dev.policyproof.engine.internal.IpRange;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A set of IP addresses for {@code IpAddress} and {@code NotIpAddress}: inclusive ranges of IPv4 and of IPv6
 * addresses, plus whether the set contains values that are not addresses (those match only {@code NotIpAddress}).
 */
final class IpSet implements ValueSet {

    /** An inclusive range of addresses as unsigned integers. */
    private record Range(BigInteger low, BigInteger high) {}

    private static final BigInteger V4_MAX = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
    private static final BigInteger V6_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private final List<Range> v4;
    private final List<Range> v6;
    private final boolean unparseable;

    private IpSet(List<Range> v4, List<Range> v6, boolean unparseable) {
        this.v4 = normalize(v4);
        this.v6 = normalize(v6);
        this.unparseable = unparseable;
    }

    static IpSet full() {
        return new IpSet(List.of(new Range(BigInteger.ZERO, V4_MAX)), List.of(new Range(BigInteger.ZERO, V6_MAX)), true);
    }

    /** Returns the set of values that are not addresses, and nothing else. */
    static IpSet unparseableOnly() {
        return new IpSet(List.of(), List.of(), true);
    }

    static IpSet empty() {
        return new IpSet(List.of(), List.of(), false);
    }

    /** Returns the addresses of a CIDR block or single address as IAM policies write them. */
    static IpSet cidr(String text) {
        IpRange range = IpRange.parse(text);
        BigInteger network = new BigInteger(1, range.network());
        int bits = range.network().length * 8;
        BigInteger size = BigInteger.ONE.shiftLeft(bits - range.prefixLength());
        Range block = new Range(network, network.add(size).subtract(BigInteger.ONE));
        return bits == 32 ? new IpSet(List.of(block), List.of(), false) : new IpSet(List.of(), List.of(block), false);
    }

    @Override
    public IpSet and(ValueSet other) {
        IpSet that = (IpSet) other;
        return new IpSet(intersect(v4, that.v4), intersect(v6, that.v6), unparseable && that.unparseable);
    }

    @Override
    public IpSet or(ValueSet other) {
        IpSet that = (IpSet) other;
        List<Range> both4 = new ArrayList<>(v4);
        both4.addAll(that.v4);
        List<Range> both6 = new ArrayList<>(v6);
        both6.addAll(that.v6);
        return new IpSet(both4, both6, unparseable || that.unparseable);
    }

    @Override
    public IpSet not() {
        return new IpSet(complement(v4, V4_MAX), complement(v6, V6_MAX), !unparseable);
    }

    @Override
    public boolean isEmpty() {
        return v4.isEmpty() && v6.isEmpty() && !unparseable;
    }

    @Override
    public boolean isFull() {
        return unparseable && complement(v4, V4_MAX).isEmpty() && complement(v6, V6_MAX).isEmpty();
    }

    @Override
    public String witness() {
        if (!v4.isEmpty()) {
            return format(v4.get(0).low(), 4);
        }
        if (!v6.isEmpty()) {
            return format(v6.get(0).low(), 16);
        }
        if (unparseable) {
            return "not-an-address";
        }
        throw new IllegalStateException("no witness in an empty set");
    }

    @Override
    public String describe() {
        if (isFull()) {
            return "any";
        }
        List<String> parts = new ArrayList<>();
        v4.forEach(range -> parts.add(format(range.low(), 4) + "-" + format(range.high(), 4)));
        v6.forEach(range -> parts.add(format(range.low(), 16) + "-" + format(range.high(), 16)));
        if (unparseable) {
            parts.add("a value that is not an address");
        }
        return parts.isEmpty() ? "none" : String.join(" or ", parts);
    }

    private static String format(BigInteger value, int bytes) {
        byte[] raw = value.toByteArray();
        byte[] address = new byte[bytes];
        int copy = Math.min(raw.length, bytes);
        System.arraycopy(raw, raw.length - copy, address, bytes - copy, copy);
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Range> intersect(List<Range> a, List<Range> b) {
        List<Range> result = new ArrayList<>();
        for (Range x : a) {
            for (Range y : b) {
                BigInteger low = x.low().max(y.low());
                BigInteger high = x.high().min(y.high());
                if (low.compareTo(high) <= 0) {
                    result.add(new Range(low, high));
                }
            }
        }
        return result;
    }

    private static List<Range> complement(List<Range> ranges, BigInteger max) {
        List<Range> gaps = new ArrayList<>();
        BigInteger next = BigInteger.ZERO;
        for (Range range : normalize(ranges)) {
            if (range.low().compareTo(next) > 0) {
                gaps.add(new Range(next, range.low().subtract(BigInteger.ONE)));
            }
            next = range.high().add(BigInteger.ONE);
        }
        if (next.compareTo(max) <= 0) {
            gaps.add(new Range(next, max));
        }
        return gaps;
    }

    private static List<Range> normalize(List<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(Range::low));
        List<Range> merged = new ArrayList<>();
        for (Range range : sorted) {
            if (!merged.isEmpty()
                    && merged.get(merged.size() - 1).high().add(BigInteger.ONE).compareTo(range.low()) >= 0) {
                Range last = merged.remove(merged.size() - 1);
                merged.add(new Range(last.low(), last.high().max(range.high())));
            } else {
                merged.add(range);
            }
        }
        return List.copyOf(merged);
    }
}
