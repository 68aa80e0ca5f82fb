package dev.policyproof.engine.check;

import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.proof.Answer;
import dev.policyproof.engine.proof.PolicyAnalyzer;
import dev.policyproof.engine.proof.Scope;
import dev.policyproof.engine.proof.Unknown;
import java.util.List;
import java.util.function.BiFunction;

/**
 * An expectation over every request, decided by the prover: it holds when the prover proves that no request has the
 * unwanted property. A counterexample fails it with the request and the statements that allow it. An unknown result
 * fails it too, listing the policy parts the prover could not decide, because a check that proved nothing must not
 * pass.
 */
final class ProofExpectation implements Expectation {

    /** Unknown parts listed in a message before the rest are counted. */
    private static final int MAX_UNKNOWNS = 5;

    private final String ruleId;
    private final String description;
    private final String finding;
    private final BiFunction<PolicyAnalyzer, PolicySet, Answer> question;

    /**
     * @param ruleId the stable id of the expectation's kind, such as {@code PP-GRANTS-ONLY}
     * @param description the expectation in one line, such as "grants only ssm:StartSession on ..."
     * @param finding what a counterexample shows, such as "a request outside them is allowed"
     * @param question queries the analyzer of the checked policies for a request with the unwanted property
     */
    ProofExpectation(String ruleId, String description, String finding,
            BiFunction<PolicyAnalyzer, PolicySet, Answer> question) {
        this.ruleId = ruleId;
        this.description = description;
        this.finding = finding;
        this.question = question;
    }

    @Override
    public String ruleId() {
        return ruleId;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public CheckResult check(PolicySet policies, String title) {
        Answer answer = question.apply(PolicyAnalyzer.of(policies), policies);
        return switch (answer.status()) {
            case NONE -> CheckResult.pass(this, 1);
            case FOUND -> CheckResult.fail(this, 1, counterexample(title, answer));
            case UNKNOWN -> CheckResult.fail(this, 1, unknown(title, answer.unknowns()));
        };
    }

    private FailureMessage counterexample(String title, Answer answer) {
        FailureMessage message = FailureMessage.titled(title).fact("expected", description).fact("but found", finding);
        ResultPrinter.printRequest(message, answer.counterexample());
        message.fact("decision", answer.evaluation().decision().name());
        ResultPrinter.printStatements(message, "allowed by", answer.evaluation().decidingStatements());
        message.fact("proof", "the prover checked every request in scope; this one re-evaluates to "
                + answer.evaluation().decision().name());
        return message;
    }

    private String unknown(String title, List<Unknown> unknowns) {
        FailureMessage message = FailureMessage.titled(title)
                .fact("expected", description)
                .fact("but found", "no proof either way: the answer depends on policy parts the prover does not model");
        for (int i = 0; i < unknowns.size() && i < MAX_UNKNOWNS; i++) {
            if (i == 0) {
                message.fact("unknown", unknowns.get(i).toString());
            } else {
                message.more(unknowns.get(i).toString());
            }
        }
        if (unknowns.size() > MAX_UNKNOWNS) {
            message.detail("and " + (unknowns.size() - MAX_UNKNOWNS) + " more");
        }
        message.fact("hint", "narrow the check's scope so that it excludes these statements, or replace the policy "
                + "variable with literal values");
        return message.render();
    }

    static String describe(List<Scope> scopes) {
        return String.join("; ", scopes.stream().map(Scope::toString).toList());
    }
}
