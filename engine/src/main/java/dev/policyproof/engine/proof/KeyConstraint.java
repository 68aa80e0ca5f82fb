package dev.policyproof.engine.proof;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The requests a set of conditions leaves possible for one context key: whether the key may be absent, and which
 * values it may have when present. A single-valued key has one value; a multivalued key has a set of values, for
 * which the constraint is "every value is in {@code all}, and for each {@code exists} set some value is in it", the
 * form that the {@code ForAllValues:} and {@code ForAnyValue:} qualifiers and their negations produce.
 */
sealed interface KeyConstraint permits KeyConstraint.Single, KeyConstraint.Multi {

    KeyConstraint and(KeyConstraint other);

    /** Returns the complement as a union of constraints. */
    List<KeyConstraint> not();

    boolean isEmpty();

    /** Returns true when every state of the key is allowed, absent included. */
    boolean isFull();

    /**
     * Returns a value of the key that satisfies the constraint: null for absent, else one value, or for a
     * multivalued key a list (possibly empty).
     */
    @Nullable List<String> witness();

    boolean multivalued();

    /** Describes the allowed states of the key for people. */
    String describe();

    /** A single-valued key: absent, or present with a value in {@code present}. */
    record Single(boolean absent, ValueSet present) implements KeyConstraint {

        @Override
        public KeyConstraint and(KeyConstraint other) {
            Single that = (Single) other;
            return new Single(absent && that.absent, present.and(that.present));
        }

        @Override
        public List<KeyConstraint> not() {
            return List.of(new Single(!absent, present.not()));
        }

        @Override
        public boolean isEmpty() {
            return !absent && present.isEmpty();
        }

        @Override
        public boolean isFull() {
            return absent && present.isFull();
        }

        @Override
        public @Nullable List<String> witness() {
            return absent ? null : List.of(present.witness());
        }

        @Override
        public boolean multivalued() {
            return false;
        }

        @Override
        public String describe() {
            if (present.isEmpty()) {
                return "absent";
            }
            return (absent ? "absent, or " : "") + present.describe();
        }
    }

    /** A multivalued key: absent, or present with a set of values every one in {@code all}, meeting each exists. */
    record Multi(boolean absent, ValueSet all, List<ValueSet> exists) implements KeyConstraint {

        public Multi {
            exists = List.copyOf(exists);
        }

        @Override
        public KeyConstraint and(KeyConstraint other) {
            Multi that = (Multi) other;
            List<ValueSet> both = new ArrayList<>(exists);
            both.addAll(that.exists);
            return new Multi(absent && that.absent, all.and(that.all), both);
        }

        /** Negates "every value in all and some value in each exists" into "some value outside all, or none in one". */
        @Override
        public List<KeyConstraint> not() {
            List<KeyConstraint> pieces = new ArrayList<>();
            pieces.add(new Multi(!absent, full(all), List.of(all.not())));
            for (ValueSet required : exists) {
                pieces.add(new Multi(false, required.not(), List.of()));
            }
            return pieces;
        }

        @Override
        public boolean isEmpty() {
            return !absent && !presentSatisfiable();
        }

        private boolean presentSatisfiable() {
            return exists.stream().noneMatch(required -> required.and(all).isEmpty());
        }

        @Override
        public boolean isFull() {
            return absent && all.isFull() && exists.isEmpty();
        }

        @Override
        public @Nullable List<String> witness() {
            if (absent) {
                return null;
            }
            return exists.stream().map(required -> required.and(all).witness()).distinct().toList();
        }

        @Override
        public boolean multivalued() {
            return true;
        }

        @Override
        public String describe() {
            StringBuilder text = new StringBuilder(absent ? "absent, or " : "");
            text.append("every value ").append(all.describe());
            exists.forEach(required -> text.append(", some value ").append(required.describe()));
            return text.toString();
        }

        private static ValueSet full(ValueSet sample) {
            return sample.or(sample.not());
        }
    }
}
