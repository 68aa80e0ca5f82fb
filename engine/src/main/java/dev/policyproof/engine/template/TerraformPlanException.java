package dev.policyproof.engine.template;

import dev.policyproof.engine.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a Terraform plan cannot be read or searched for policies; lists every problem found. */
public final class TerraformPlanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public TerraformPlanException(List<Problem> problems) {
        super(format(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a Terraform plan exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(List<Problem> problems) {
        if (problems.size() == 1) {
            return "Invalid Terraform plan: " + problems.get(0);
        }
        return problems.stream()
                .map(Problem::toString)
                .collect(Collectors.joining(
                        System.lineSeparator() + "  ",
                        "Invalid Terraform plan, " + problems.size() + " problems:" + System.lineSeparator() + "  ",
                        ""));
    }
}
