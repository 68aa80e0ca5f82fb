package dev.policyproof.engine.proof;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A union of intervals over numbers or instants, for the {@code Numeric*} and {@code Date*} operators, plus whether
 * the set contains values that do not parse at all: those match no positive operator and every negated one.
 */
final class OrderedSet<T extends Comparable<T>> implements ValueSet {

    /** A value family: how to order, parse and print its values and find one strictly between two others. */
    interface Domain<T> {
        @Nullable T parse(String text);

        String format(T value);

        /** Returns a value strictly between {@code low} and {@code high}, either of which may be null (unbounded). */
        T between(@Nullable T low, @Nullable T high);

        /** A string that does not parse in this family. */
        String unparseable();
    }

    /** An interval; a null bound is unbounded on that side. */
    record Interval<T>(@Nullable T low, boolean lowInclusive, @Nullable T high, boolean highInclusive) {}

    private static final java.math.MathContext WIDE = java.math.MathContext.DECIMAL128;

    static final Domain<BigDecimal> NUMBERS = new Domain<>() {
        @Override
        public @Nullable BigDecimal parse(String text) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        @Override
        public String format(BigDecimal value) {
            BigDecimal stripped = value.stripTrailingZeros();
            // Plain digits read best, but 1e999999999 in plain digits would be a billion characters long.
            return Math.abs(stripped.scale()) < 40 ? stripped.toPlainString() : stripped.toString();
        }

        @Override
        public BigDecimal between(@Nullable BigDecimal low, @Nullable BigDecimal high) {
            if (low == null && high == null) {
                return BigDecimal.ZERO;
            }
            // Steps of at least 1 and of the value's own size stay cheap for exponents such as 1e999999999.
            if (low == null) {
                return high.subtract(high.abs().max(BigDecimal.ONE));
            }
            if (high == null) {
                return low.add(low.abs().max(BigDecimal.ONE));
            }
            BigDecimal middle = low.add(high, WIDE).divide(BigDecimal.valueOf(2), WIDE);
            if (middle.compareTo(low) > 0 && middle.compareTo(high) < 0) {
                return middle;
            }
            // NOTE: bounds closer than 34 significant digits fall back to the exact midpoint, which may be long.
            return low.add(high).divide(BigDecimal.valueOf(2));
        }

        @Override
        public String unparseable() {
            return "not-a-number";
        }
    };

    static final Domain<Instant> DATES = new Domain<>() {
        @Override
        public @Nullable Instant parse(String text) {
            return dev.policyproof.engine.internal.DateValues.tryParse(text);
        }

        @Override
        public String format(Instant value) {
            return value.toString();
        }

        @Override
        public Instant between(@Nullable Instant low, @Nullable Instant high) {
            if (low == null && high == null) {
                return Instant.parse("2026-01-01T00:00:00Z");
            }
            if (low == null) {
                return high.minusSeconds(86_400);
            }
            if (high == null) {
                return low.plusSeconds(86_400);
            }
            // Seconds and nanoseconds apart, so that instants past the year 2262 do not overflow a long.
            java.math.BigInteger lowNanos = nanos(low);
            java.math.BigInteger middle = lowNanos.add(nanos(high).subtract(lowNanos).shiftRight(1));
            java.math.BigInteger[] parts = middle.divideAndRemainder(java.math.BigInteger.valueOf(1_000_000_000L));
            return Instant.ofEpochSecond(parts[0].longValueExact(), parts[1].longValueExact());
        }

        @Override
        public String unparseable() {
            return "not-a-date";
        }

        private java.math.BigInteger nanos(Instant instant) {
            return java.math.BigInteger.valueOf(instant.getEpochSecond())
                    .multiply(java.math.BigInteger.valueOf(1_000_000_000L))
                    .add(java.math.BigInteger.valueOf(instant.getNano()));
        }
    };

    private final Domain<T> domain;
    private final List<Interval<T>> intervals;
    private final boolean unparseable;

    private OrderedSet(Domain<T> domain, List<Interval<T>> intervals, boolean unparseable) {
        this.domain = domain;
        this.intervals = List.copyOf(intervals);
        this.unparseable = unparseable;
    }

    static <T extends Comparable<T>> OrderedSet<T> of(Domain<T> domain, Interval<T> interval) {
        return new OrderedSet<>(domain, List.of(interval), false).normalized();
    }

    static <T extends Comparable<T>> OrderedSet<T> full(Domain<T> domain) {
        return new OrderedSet<>(domain, List.of(new Interval<>(null, false, null, false)), true);
    }

    /** Returns the set of values that do not parse in the family, and nothing else. */
    static <T extends Comparable<T>> OrderedSet<T> unparseableOnly(Domain<T> domain) {
        return new OrderedSet<>(domain, List.of(), true);
    }

    static <T extends Comparable<T>> OrderedSet<T> empty(Domain<T> domain) {
        return new OrderedSet<>(domain, List.of(), false);
    }

    Domain<T> domain() {
        return domain;
    }

    @Override
    @SuppressWarnings("unchecked")
    public OrderedSet<T> and(ValueSet other) {
        OrderedSet<T> that = (OrderedSet<T>) other;
        List<Interval<T>> result = new ArrayList<>();
        for (Interval<T> a : intervals) {
            for (Interval<T> b : that.intervals) {
                Interval<T> both = intersect(a, b);
                if (both != null) {
                    result.add(both);
                }
            }
        }
        return new OrderedSet<>(domain, result, unparseable && that.unparseable).normalized();
    }

    @Override
    public OrderedSet<T> or(ValueSet other) {
        return not().and(other.not()).not();
    }

    @Override
    public OrderedSet<T> not() {
        List<Interval<T>> gaps = new ArrayList<>();
        T low = null;
        boolean lowInclusive = false;
        boolean openBelow = true;
        for (Interval<T> interval : intervals) {
            if (interval.low() != null) {
                gaps.add(new Interval<>(openBelow ? null : low, !openBelow && lowInclusive, interval.low(),
                        !interval.lowInclusive()));
            }
            if (interval.high() == null) {
                return new OrderedSet<>(domain, gaps, !unparseable).normalized();
            }
            low = interval.high();
            lowInclusive = !interval.highInclusive();
            openBelow = false;
        }
        gaps.add(new Interval<>(openBelow ? null : low, !openBelow && lowInclusive, null, false));
        return new OrderedSet<>(domain, gaps, !unparseable).normalized();
    }

    @Override
    public boolean isEmpty() {
        return intervals.isEmpty() && !unparseable;
    }

    @Override
    public boolean isFull() {
        return unparseable && intervals.size() == 1 && intervals.get(0).low() == null
                && intervals.get(0).high() == null;
    }

    @Override
    public String witness() {
        if (intervals.isEmpty()) {
            if (!unparseable) {
                throw new IllegalStateException("no witness in an empty set");
            }
            return domain.unparseable();
        }
        Interval<T> first = intervals.get(0);
        if (first.lowInclusive() && first.low() != null) {
            return domain.format(first.low());
        }
        if (first.highInclusive() && first.high() != null && first.low() == null) {
            return domain.format(first.high());
        }
        return domain.format(domain.between(first.low(), first.high()));
    }

    @Override
    public String describe() {
        if (isFull()) {
            return "any";
        }
        List<String> parts = new ArrayList<>();
        for (Interval<T> interval : intervals) {
            parts.add(describe(interval));
        }
        if (unparseable) {
            parts.add("a value that is not a " + (domain == NUMBERS ? "number" : "date"));
        }
        return parts.isEmpty() ? "none" : String.join(" or ", parts);
    }

    private String describe(Interval<T> interval) {
        T low = interval.low();
        T high = interval.high();
        if (low != null && high != null && low.compareTo(high) == 0) {
            return "= " + domain.format(low);
        }
        String lower = low == null ? null : (interval.lowInclusive() ? ">= " : "> ") + domain.format(low);
        String upper = high == null ? null : (interval.highInclusive() ? "<= " : "< ") + domain.format(high);
        if (lower == null && upper == null) {
            return "any " + (domain == NUMBERS ? "number" : "date");
        }
        if (lower == null) {
            return upper;
        }
        if (upper == null) {
            return lower;
        }
        return lower + " and " + upper;
    }

    private @Nullable Interval<T> intersect(Interval<T> a, Interval<T> b) {
        T low;
        boolean lowInclusive;
        int lowOrder = compareLow(a, b);
        if (lowOrder >= 0) {
            low = a.low();
            lowInclusive = a.lowInclusive() && (lowOrder > 0 || b.lowInclusive());
        } else {
            low = b.low();
            lowInclusive = b.lowInclusive();
        }
        T high;
        boolean highInclusive;
        int highOrder = compareHigh(a, b);
        if (highOrder <= 0) {
            high = a.high();
            highInclusive = a.highInclusive() && (highOrder < 0 || b.highInclusive());
        } else {
            high = b.high();
            highInclusive = b.highInclusive();
        }
        Interval<T> result = new Interval<>(low, lowInclusive, high, highInclusive);
        return isEmptyInterval(result) ? null : result;
    }

    /** Compares lower bounds: positive when {@code a} starts later. */
    private int compareLow(Interval<T> a, Interval<T> b) {
        if (a.low() == null || b.low() == null) {
            if (a.low() != null) {
                return 1;
            }
            return b.low() == null ? 0 : -1;
        }
        int order = a.low().compareTo(b.low());
        if (order != 0) {
            return order;
        }
        return Boolean.compare(b.lowInclusive(), a.lowInclusive());
    }

    /** Compares upper bounds: negative when {@code a} ends earlier. */
    private int compareHigh(Interval<T> a, Interval<T> b) {
        if (a.high() == null || b.high() == null) {
            if (a.high() != null) {
                return -1;
            }
            return b.high() == null ? 0 : 1;
        }
        int order = a.high().compareTo(b.high());
        if (order != 0) {
            return order;
        }
        return Boolean.compare(a.highInclusive(), b.highInclusive());
    }

    private boolean isEmptyInterval(Interval<T> interval) {
        if (interval.low() == null || interval.high() == null) {
            return false;
        }
        int order = interval.low().compareTo(interval.high());
        return order > 0 || (order == 0 && !(interval.lowInclusive() && interval.highInclusive()));
    }

    /** Sorts the intervals and merges those that overlap or touch. */
    private OrderedSet<T> normalized() {
        List<Interval<T>> sorted = new ArrayList<>(intervals.stream().filter(i -> !isEmptyInterval(i)).toList());
        sorted.sort(Comparator.comparing((Interval<T> i) -> i, this::compareLow));
        List<Interval<T>> merged = new ArrayList<>();
        for (Interval<T> interval : sorted) {
            if (!merged.isEmpty() && touches(merged.get(merged.size() - 1), interval)) {
                Interval<T> last = merged.remove(merged.size() - 1);
                merged.add(compareHigh(last, interval) >= 0 ? last : new Interval<>(last.low(), last.lowInclusive(),
                        interval.high(), interval.highInclusive()));
            } else {
                merged.add(interval);
            }
        }
        return new OrderedSet<>(domain, merged, unparseable);
    }

    private boolean touches(Interval<T> earlier, Interval<T> later) {
        if (earlier.high() == null || later.low() == null) {
            return true;
        }
        int order = earlier.high().compareTo(later.low());
        return order > 0 || (order == 0 && (earlier.highInclusive() || later.lowInclusive()));
    }

    static <T extends Comparable<T>> Function<String, @Nullable T> parser(Domain<T> domain) {
        return domain::parse;
    }
}
