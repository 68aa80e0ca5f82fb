package dev.policyproof.aws;

import dev.policyproof.engine.EvaluationResult;
import dev.policyproof.engine.Explanation;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.StatementResult;
import dev.policyproof.engine.check.FailureMessage;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A local decision side by side with the IAM policy simulator's for the same request.
 *
 * @param verdict whether the two agree, or why they cannot be compared
 * @param request the request, null for a local check that is not about one request
 * @param local the engine's result, null when the request never reached the engine
 * @param remote the simulator's decision, null when the call was inconclusive
 * @param reason why the verdict is {@code NOT_COMPARABLE} or {@code INCONCLUSIVE}; empty otherwise
 * @since 0.1.0
 */
public record Comparison(
        Verdict verdict,
        @Nullable Request request,
        @Nullable EvaluationResult local,
        @Nullable SimulatorDecision remote,
        String reason) {

    /** The relation between a local decision and the simulator's. */
    public enum Verdict {
        /** Both decided the same: allow, explicit deny or implicit deny. */
        AGREE,
        /** Both decided, differently. */
        DISAGREE,
        /** The simulator cannot represent the request or the policies; nothing was compared. */
        NOT_COMPARABLE,
        /** The simulator returned no result within the retries and timeouts, so nothing was proved. */
        INCONCLUSIVE
    }

    private static final int MAX_STATEMENTS = 5;

    public Comparison {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    static Comparison of(EvaluationResult local, SimulatorDecision remote) {
        if (!remote.comparable()) {
            return new Comparison(Verdict.NOT_COMPARABLE, local.request(), local, remote,
                    Objects.requireNonNull(remote.notComparableReason()));
        }
        Verdict verdict = local.decision() == remote.decision() ? Verdict.AGREE : Verdict.DISAGREE;
        return new Comparison(verdict, local.request(), local, remote, "");
    }

    static Comparison notComparable(@Nullable Request request, @Nullable EvaluationResult local, String reason) {
        return new Comparison(Verdict.NOT_COMPARABLE, request, local, null, reason);
    }

    static Comparison inconclusive(Request request, @Nullable EvaluationResult local, String reason) {
        return new Comparison(Verdict.INCONCLUSIVE, request, local, null, reason);
    }

    public boolean agrees() {
        return verdict == Verdict.AGREE;
    }

    /**
     * Renders the comparison as a failure message: both decisions, the statements behind each, the simulator's
     * missing context keys, and the local explanation.
     *
     * @param title the message's first line, such as the policy's name or a check's description
     */
    public String describe(String title) {
        FailureMessage message = FailureMessage.titled(title)
                .fact("expected", "the local decision agrees with the IAM policy simulator")
                .fact("but found", finding());
        if (request != null) {
            printRequest(message, request);
        }
        if (local != null) {
            message.fact("local", local.decision().name());
            printLocalStatements(message, local);
        }
        if (remote != null && remote.comparable()) {
            message.fact("simulator", Objects.requireNonNull(remote.decision()).name());
            printMatched(message, remote.matchedStatements());
            if (!remote.missingContextValues().isEmpty()) {
                message.subFact("missing", "context keys " + String.join(", ", remote.missingContextValues()));
            }
        }
        if (local != null && verdict == Verdict.DISAGREE) {
            List<String> trace = Explanation.toText(local).lines().toList();
            message.fact("local trace", trace.get(0));
            trace.stream().skip(1).forEach(message::detail);
        }
        return message.render();
    }

    private static void printRequest(FailureMessage message, Request request) {
        message.fact("request", request.action() + " on " + request.resource());
        request.principal().ifPresent(principal -> message.subFact("principal", principal));
        if (!request.context().isEmpty()) {
            message.subFact("context", request.context().toString());
        }
    }

    private String finding() {
        return switch (verdict) {
            case AGREE -> "both decided " + Objects.requireNonNull(local).decision();
            case DISAGREE -> "the engine decided " + Objects.requireNonNull(local).decision()
                    + " and the simulator " + Objects.requireNonNull(remote).decision();
            case NOT_COMPARABLE -> "not comparable: " + reason;
            case INCONCLUSIVE -> "inconclusive: " + reason;
        };
    }

    private static void printLocalStatements(FailureMessage message, EvaluationResult local) {
        List<StatementResult> deciding = local.decidingStatements();
        if (deciding.isEmpty()) {
            message.subFact("decided by", "no statement applies");
            return;
        }
        message.subFact("decided by", deciding.get(0).ref().describe());
        deciding.stream().skip(1).limit(MAX_STATEMENTS - 1L).forEach(s -> message.more("  " + s.ref().describe()));
        if (deciding.size() > MAX_STATEMENTS) {
            message.more("  and " + (deciding.size() - MAX_STATEMENTS) + " more");
        }
    }

    private static void printMatched(FailureMessage message, List<MatchedStatement> matched) {
        if (matched.isEmpty()) {
            message.subFact("matched", "no statement");
            return;
        }
        message.subFact("matched", matched.get(0).describe());
        matched.stream().skip(1).limit(MAX_STATEMENTS - 1L).forEach(m -> message.more("  " + m.describe()));
        if (matched.size() > MAX_STATEMENTS) {
            message.more("  and " + (matched.size() - MAX_STATEMENTS) + " more");
        }
    }
}
