package dev.policyproof.engine.cases;

import dev.policyproof.engine.Decision;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.ssm.StartSessionRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One line of a cases file: the policies, the request, and optionally the expected decision, the Sids expected to
 * decide it, and the documentation page whose rule the case checks. A {@code ssm:StartSession} request on an
 * instance or managed instance is a session, authorized against target and document; {@link #session()} holds it.
 */
public record EvaluationCase(
        String id,
        int line,
        @Nullable String topic,
        @Nullable String source,
        PolicySet policies,
        Request request,
        @Nullable StartSessionRequest session,
        @Nullable Decision expected,
        List<String> decidedBy) {

    public EvaluationCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(request, "request");
        decidedBy = List.copyOf(decidedBy);
    }

    public Optional<Decision> expectedDecision() {
        return Optional.ofNullable(expected);
    }

    public Optional<StartSessionRequest> sessionRequest() {
        return Optional.ofNullable(session);
    }
}
