package dev.policyproof.engine.check;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a checks file cannot be read or is not valid; lists every problem found. */
public final class ChecksFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ChecksFileProblem> problems;

    public ChecksFileException(List<ChecksFileProblem> problems) {
        super(format(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a checks file exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<ChecksFileProblem> problems() {
        return problems;
    }

    private static String format(List<ChecksFileProblem> problems) {
        if (problems.size() == 1) {
            return "Invalid checks file: " + problems.get(0);
        }
        return problems.stream()
                .map(ChecksFileProblem::toString)
                .collect(Collectors.joining(
                        System.lineSeparator() + "  ",
                        "Invalid checks file, " + problems.size() + " problems:" + System.lineSeparator() + "  ",
                        ""));
    }
}
