package dev.policyproof.engine.proof;

import java.math.BigDecimal;
import java.time.Instant;

/** The value family of a condition key, decided by the operators that test it. */
enum KeyFamily {
    STRING,
    NUMBER,
    DATE,
    IP;

    /** Returns the family a base operator compares in, or null for {@code Null}, which tests only presence. */
    static KeyFamily of(String baseOperator) {
        if (baseOperator.startsWith("Numeric")) {
            return NUMBER;
        }
        if (baseOperator.startsWith("Date")) {
            return DATE;
        }
        if (baseOperator.equals("IpAddress") || baseOperator.equals("NotIpAddress")) {
            return IP;
        }
        return baseOperator.equals("Null") ? null : STRING;
    }

    ValueSet full() {
        return switch (this) {
            case STRING -> StringSet.any();
            case NUMBER -> OrderedSet.<BigDecimal>full(OrderedSet.NUMBERS);
            case DATE -> OrderedSet.<Instant>full(OrderedSet.DATES);
            case IP -> IpSet.full();
        };
    }

    ValueSet empty() {
        return full().not();
    }
}
