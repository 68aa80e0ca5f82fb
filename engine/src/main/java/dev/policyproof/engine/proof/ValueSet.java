package dev.policyproof.engine.proof;

/**
 * A set of possible values of a condition key or of the resource, closed under the Boolean operations so that
 * statements, their negations and their combinations can be represented exactly. Operands of one operation always
 * belong to the same family: strings, numbers, dates or IP addresses.
 */
sealed interface ValueSet permits StringSet, OrderedSet, IpSet {

    ValueSet and(ValueSet other);

    ValueSet or(ValueSet other);

    ValueSet not();

    boolean isEmpty();

    /** Returns true when the set contains every value of its family, so that it constrains nothing. */
    boolean isFull();

    /** Returns one member, as a request would carry it; only for non-empty sets. */
    String witness();

    /** Describes the set for people, such as {@code "< 10"} or {@code arn:aws:s3:::reports/*}. */
    String describe();
}
