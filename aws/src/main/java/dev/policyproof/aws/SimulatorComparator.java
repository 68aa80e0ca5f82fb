package dev.policyproof.aws;

import dev.policyproof.engine.EvaluationResult;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.check.Expectation;
import dev.policyproof.engine.check.RequestExpectation;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a request through the local engine and the IAM policy simulator and compares the decisions. A simulator that
 * stays throttled or times out makes the comparison {@code INCONCLUSIVE}, never an agreement; missing credentials,
 * denied access and malformed responses are thrown, because they need the user to act.
 *
 * @since 0.1.0
 */
public final class SimulatorComparator {

    private final IamPolicySimulator simulator;

    SimulatorComparator(IamPolicySimulator simulator) {
        this.simulator = simulator;
    }

    /**
     * Compares the decisions on {@code request}.
     *
     * @throws RemoteCheckException if the simulator call fails for a reason that retrying later will not fix
     */
    public Comparison compare(PolicySources sources, Request request) {
        return compareAll(sources, List.of(request)).get(0);
    }

    /**
     * Compares the decisions on each request, with as few simulator calls as their shapes allow.
     *
     * @return one comparison per request, in the order given
     * @throws RemoteCheckException if the simulator call fails for a reason that retrying later will not fix
     */
    public List<Comparison> compareAll(PolicySources sources, List<Request> requests) {
        List<EvaluationResult> local = requests.stream().map(sources.policies()::evaluate).toList();
        List<SimulatorDecision> remote;
        try {
            remote = simulator.simulateAll(sources, requests);
        } catch (RemoteCheckException e) {
            if (!e.reason().isTransient()) {
                throw e;
            }
            return local.stream().map(result -> Comparison.inconclusive(result.request(), result, e.getMessage()))
                    .toList();
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            comparisons.add(Comparison.of(local.get(i), remote.get(i)));
        }
        return comparisons;
    }

    /**
     * Compares the decisions for a local check. Only {@code allows} and {@code denies} expectations of one request
     * have a simulator counterpart; other expectations, such as the Session Manager checks, are not comparable and
     * have no request.
     *
     * @throws RemoteCheckException if the simulator call fails for a reason that retrying later will not fix
     */
    public Comparison compare(PolicySources sources, Expectation expectation) {
        if (expectation instanceof RequestExpectation requestExpectation) {
            return compare(sources, requestExpectation.request());
        }
        return Comparison.notComparable(null, null, "\"" + expectation.description()
                + "\" is not one request, so the simulator has no counterpart");
    }
}
