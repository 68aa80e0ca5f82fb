package dev.policyproof.engine;

import dev.policyproof.engine.internal.CompiledPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The policies that together decide a principal's requests, compiled once for many evaluations. This version
 * evaluates identity policies: a request is allowed when a statement allows it and none denies it.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy
 *     evaluation logic</a>
 */
public final class PolicySet {

    private final String name;
    private final List<CompiledPolicy> identityPolicies;

    private PolicySet(String name, List<Policy> identityPolicies) {
        this.name = Objects.requireNonNull(name, "name");
        if (identityPolicies.isEmpty()) {
            throw new IllegalArgumentException("a policy set needs at least one identity policy");
        }
        for (Policy policy : identityPolicies) {
            if (policy.kind() != PolicyKind.IDENTITY) {
                // TODO: evaluate resource policies, boundaries, session policies, SCPs and RCPs.
                throw new IllegalArgumentException(policy.name() + " is a " + policy.kind().displayName()
                        + "; only identity policies are evaluated so far");
            }
        }
        this.identityPolicies = identityPolicies.stream().map(CompiledPolicy::new).toList();
    }

    /** Returns a set of the given identity policies, named after them. */
    public static PolicySet of(Policy... identityPolicies) {
        return of(List.of(identityPolicies));
    }

    public static PolicySet of(List<Policy> identityPolicies) {
        String name = String.join(" + ", identityPolicies.stream().map(Policy::name).toList());
        return new PolicySet(name, identityPolicies);
    }

    /** Returns a set with a display name for messages, such as the role the policies are attached to. */
    public static PolicySet named(String name, List<Policy> identityPolicies) {
        return new PolicySet(name, identityPolicies);
    }

    public String name() {
        return name;
    }

    public List<Policy> identityPolicies() {
        return identityPolicies.stream().map(CompiledPolicy::policy).toList();
    }

    /** Decides {@code request}: an applicable {@code Deny} wins, then an applicable {@code Allow}, else deny. */
    public EvaluationResult evaluate(Request request) {
        List<StatementResult> results = new ArrayList<>();
        for (CompiledPolicy policy : identityPolicies) {
            results.addAll(policy.evaluate(request));
        }
        return EvaluationResult.decide(request, results);
    }

    @Override
    public String toString() {
        return name;
    }
}
