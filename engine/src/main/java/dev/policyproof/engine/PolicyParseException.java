package dev.policyproof.engine;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a policy document is not valid JSON or not a valid IAM policy; lists every problem found. */
public final class PolicyParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public PolicyParseException(List<Problem> problems) {
        super(format(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a parse exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(List<Problem> problems) {
        if (problems.size() == 1) {
            return "Invalid policy: " + problems.get(0);
        }
        return problems.stream()
                .map(Problem::toString)
                .collect(Collectors.joining(
                        System.lineSeparator() + "  ",
                        "Invalid policy, " + problems.size() + " problems:" + System.lineSeparator() + "  ",
                        ""));
    }
}
