package dev.policyproof.engine.proof;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import dk.brics.automaton.BasicOperations;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A regular set of strings, backed by a dk.brics automaton: what string, ARN and resource patterns match, and their
 * complements and intersections. Patterns are translated as the evaluator matches them, so that a member of the set is
 * exactly a value the pattern matches.
 */
final class StringSet implements ValueSet {

    private static final StringSet ANY = new StringSet(BasicAutomata.makeAnyString(), "any");
    private static final StringSet NONE = new StringSet(BasicAutomata.makeEmpty(), "none");

    /** Descriptions longer than this are cut, so that printed regions stay readable. */
    private static final int MAX_DESCRIPTION = 240;

    private static final int ARN_FIELDS = 6;

    private final Automaton automaton;
    private final String description;
    private volatile StringSet complement;

    private StringSet(Automaton automaton, String description) {
        this.automaton = automaton;
        this.description = description.length() > MAX_DESCRIPTION
                ? description.substring(0, MAX_DESCRIPTION) + "…"
                : description;
    }

    static StringSet any() {
        return ANY;
    }

    static StringSet none() {
        return NONE;
    }

    static StringSet literal(String value) {
        return new StringSet(BasicAutomata.makeString(value), "\"" + value + "\"");
    }

    /** Matches {@code value} without regard to case, as the {@code *IgnoreCase} operators and {@code Bool} do. */
    static StringSet literalIgnoreCase(String value) {
        List<Automaton> chars = new ArrayList<>();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            chars.add(BasicAutomata.makeChar(Character.toLowerCase(c))
                    .union(BasicAutomata.makeChar(Character.toUpperCase(c))));
        }
        return new StringSet(concatenate(chars), "\"" + value + "\" in any case");
    }

    /** Matches the whole value against a pattern in which {@code *} is any run and {@code ?} one character. */
    static StringSet glob(String pattern) {
        return new StringSet(globAutomaton(pattern, true), pattern);
    }

    /**
     * Matches ARNs field by field: wildcards in partition, service, Region and account stay within their field, and
     * the resource field takes the rest. A pattern without colons is a whole-string glob; one with fewer than six
     * fields matches nothing, as for the {@code Arn*} operators and {@code Resource}.
     */
    static StringSet arnPattern(String pattern) {
        String[] fields = pattern.split(":", ARN_FIELDS);
        if (fields.length == 1) {
            return glob(pattern);
        }
        if (fields.length < ARN_FIELDS) {
            return NONE;
        }
        List<Automaton> parts = new ArrayList<>();
        for (int i = 0; i < ARN_FIELDS; i++) {
            if (i > 0) {
                parts.add(BasicAutomata.makeChar(':'));
            }
            parts.add(globAutomaton(fields[i], i == ARN_FIELDS - 1));
        }
        return new StringSet(concatenate(parts), pattern);
    }

    /**
     * Returns the ARNs whose account field is a 12-digit account other than {@code account}: the resources a
     * principal of {@code account} reaches only across accounts.
     */
    static StringSet otherAccountArns(String account) {
        return OTHER_ACCOUNT_ARNS.computeIfAbsent(account, StringSet::buildOtherAccountArns);
    }

    private static final Map<String, StringSet> OTHER_ACCOUNT_ARNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static StringSet buildOtherAccountArns(String account) {
        Automaton field = BasicAutomata.makeAnyChar().minus(BasicAutomata.makeChar(':')).repeat();
        Automaton digits = BasicAutomata.makeCharRange('0', '9').repeat(12, 12);
        Automaton otherAccount = digits.minus(BasicAutomata.makeString(account));
        List<Automaton> parts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            parts.add(field);
            parts.add(BasicAutomata.makeChar(':'));
        }
        parts.add(otherAccount);
        parts.add(BasicAutomata.makeChar(':'));
        parts.add(BasicAutomata.makeAnyString());
        return new StringSet(concatenate(parts), "");
    }

    private static Automaton globAutomaton(String pattern, boolean wildcardsCrossColons) {
        Automaton anyChar = wildcardsCrossColons
                ? BasicAutomata.makeAnyChar()
                : BasicAutomata.makeAnyChar().minus(BasicAutomata.makeChar(':'));
        List<Automaton> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    parts.add(BasicAutomata.makeString(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(c == '*' ? anyChar.repeat() : anyChar.clone());
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            parts.add(BasicAutomata.makeString(literal.toString()));
        }
        return concatenate(parts);
    }

    private static Automaton concatenate(List<Automaton> parts) {
        if (parts.isEmpty()) {
            return BasicAutomata.makeEmptyString();
        }
        Automaton result = BasicOperations.concatenate(parts);
        result.minimize();
        return result;
    }

    /**
     * Joins two descriptions; an empty one belongs to a set the prover adds for its own bookkeeping, such as the
     * same-account split, and is left out.
     */
    private static String join(String left, String operator, String right) {
        return left.isEmpty() ? right : right.isEmpty() ? left : left + operator + right;
    }

    /** Returns this set with {@code newDescription}; an empty description leaves the set out of descriptions. */
    StringSet describedAs(String newDescription) {
        return new StringSet(automaton, newDescription);
    }

    /** Describes the set by the patterns and operations it was built from. */
    @Override
    public String describe() {
        return isFull() ? "any" : isEmpty() ? "none" : description.isEmpty() ? "some" : description;
    }

    boolean contains(String value) {
        return automaton.run(value);
    }

    @Override
    public StringSet and(ValueSet other) {
        StringSet that = (StringSet) other;
        if (that.automaton.isTotal() || this == that) {
            return this;
        }
        if (automaton.isTotal()) {
            return that;
        }
        // Products of deterministic automata stay deterministic; minimizing every product costs more than it saves.
        return new StringSet(automaton.intersection(that.automaton), join(description, " and ", that.description));
    }

    @Override
    public StringSet or(ValueSet other) {
        StringSet that = (StringSet) other;
        String both = automaton.isEmpty() ? that.description
                : that.automaton.isEmpty() ? description : join(description, " or ", that.description);
        return new StringSet(automaton.union(that.automaton), both);
    }

    @Override
    public StringSet not() {
        StringSet result = complement;
        if (result == null) {
            result = new StringSet(
                    minimal(automaton.complement()), description.isEmpty() ? "" : "not (" + description + ")");
            result.complement = this;
            complement = result;
        }
        return result;
    }

    @Override
    public boolean isEmpty() {
        return automaton.isEmpty();
    }

    @Override
    public boolean isFull() {
        return automaton.isTotal();
    }

    /**
     * Returns a shortest member, choosing at each position a lower-case letter where the set allows one, else a digit,
     * else the lowest allowed character, so that witnesses read like names rather than punctuation.
     */
    @Override
    public String witness() {
        Map<State, String> reached = new HashMap<>();
        ArrayDeque<State> queue = new ArrayDeque<>();
        reached.put(automaton.getInitialState(), "");
        queue.add(automaton.getInitialState());
        while (!queue.isEmpty()) {
            State state = queue.poll();
            String prefix = reached.get(state);
            if (state.isAccept()) {
                return prefix;
            }
            List<Transition> transitions = new ArrayList<>(state.getTransitions());
            transitions.sort(Comparator.comparingInt(t -> rank(preferred(t))));
            for (Transition transition : transitions) {
                State next = transition.getDest();
                if (!reached.containsKey(next)) {
                    reached.put(next, prefix + preferred(transition));
                    queue.add(next);
                }
            }
        }
        throw new IllegalStateException("no witness in an empty set");
    }

    private static char preferred(Transition transition) {
        char min = transition.getMin();
        char max = transition.getMax();
        for (char[] range : new char[][] {{'a', 'z'}, {'0', '9'}, {'A', 'Z'}}) {
            char low = (char) Math.max(min, range[0]);
            if (low <= Math.min(max, range[1])) {
                return low;
            }
        }
        return min < '!' && max >= '!' ? '!' : min;
    }

    private static int rank(char c) {
        if (c >= 'a' && c <= 'z') {
            return 0;
        }
        if (c >= '0' && c <= '9') {
            return 1;
        }
        if (c >= 'A' && c <= 'Z') {
            return 2;
        }
        return c >= '!' && c <= '~' ? 3 : 4;
    }

    /** Returns a member built from {@code preferred} when the set has one, so that witnesses look like real ARNs. */
    String witnessLike(StringSet preferred) {
        StringSet both = and(preferred);
        return both.isEmpty() ? witness() : both.witness();
    }

    private static Automaton minimal(Automaton automaton) {
        automaton.minimize();
        return automaton;
    }
}
