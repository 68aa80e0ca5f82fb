package dev.policyproof.aws.internal;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.PrincipalArn;
import dev.policyproof.engine.Request;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cases the IAM policy simulator cannot represent, from its API reference: a request in one of them gets a "not
 * comparable" result, because any answer the simulator gives would be about a different question.
 */
public final class SimulatorLimits {

    /** The maximum length of one policy document in a simulator call, in characters. */
    public static final int MAX_POLICY_LENGTH = 131_072;

    private SimulatorLimits() {}

    /**
     * Returns why {@code request} against {@code policies} cannot be simulated, or empty when it can.
     *
     * @param texts the text of each policy that would be sent, keyed by policy name
     */
    public static Optional<String> whyNotComparable(PolicySet policies, Map<String, String> texts, Request request) {
        return policyReason(policies)
                .or(() -> requestReason(policies, request))
                .or(() -> textReason(texts));
    }

    private static Optional<String> policyReason(PolicySet policies) {
        if (policies.sessionPolicy().isPresent()) {
            return Optional.of("session policies cannot be passed to the simulator");
        }
        if (!policies.rcpLevels().isEmpty()) {
            return Optional.of("resource control policies (RCPs) cannot be passed to the simulator");
        }
        if (!policies.scpLevels().isEmpty()) {
            return Optional.of("SCPs cannot be passed to SimulateCustomPolicy with this SDK, and SCP statements never"
                    + " appear among the simulator's matched statements");
        }
        if (policies.vpcEndpointPolicy().isPresent()) {
            return Optional.of("VPC endpoint policies cannot be passed to the simulator");
        }
        if (policies.resourcePolicy().map(Policy::kind).orElse(null) == PolicyKind.TRUST) {
            return Optional.of("the simulator does not evaluate role trust policies");
        }
        return Optional.empty();
    }

    private static Optional<String> requestReason(PolicySet policies, Request request) {
        String action = request.action();
        if (action.contains("*") || action.contains("?")) {
            return Optional.of("the simulator takes no wildcards in action names, and the request's action is "
                    + action);
        }
        String lowerAction = action.toLowerCase(Locale.ROOT);
        if (lowerAction.equals("ssm:startsession")) {
            return Optional.of("ssm:StartSession depends on Session Manager document semantics (a session that names"
                    + " no document runs the default shell), which the simulator does not model");
        }
        if (policies.resourcePolicy().isEmpty()) {
            return Optional.empty();
        }
        if (lowerAction.startsWith("sts:assumerole")) {
            return Optional.of("the simulator drops role trust policies for " + action);
        }
        return callerReason(request);
    }

    /** A resource policy needs {@code CallerArn}, which must name an IAM user or role (groups never call). */
    private static Optional<String> callerReason(Request request) {
        if (request.principal().isEmpty()) {
            return Optional.of("with a resource policy the simulator needs a caller, and the request names no"
                    + " principal");
        }
        String principal = request.principal().get();
        PrincipalArn.Kind kind;
        try {
            kind = PrincipalArn.parse(principal).kind();
        } catch (IllegalArgumentException e) {
            return Optional.of("the principal " + principal + " is not an ARN the simulator takes as caller");
        }
        if (kind != PrincipalArn.Kind.USER && kind != PrincipalArn.Kind.ROLE) {
            return Optional.of("with a resource policy the simulator's caller must be an IAM user or role, and "
                    + principal + " is not");
        }
        return Optional.empty();
    }

    private static Optional<String> textReason(Map<String, String> texts) {
        for (Map.Entry<String, String> entry : texts.entrySet()) {
            String text = entry.getValue();
            if (text.length() > MAX_POLICY_LENGTH) {
                return Optional.of(entry.getKey() + " has " + text.length() + " characters, more than the "
                        + MAX_POLICY_LENGTH + " the simulator takes");
            }
            int offending = firstDisallowedCharacter(text);
            if (offending >= 0) {
                return Optional.of(entry.getKey() + " contains the character U+"
                        + String.format(Locale.ROOT, "%04X", (int) text.charAt(offending)) + " on line "
                        + lineOf(text, offending) + ", outside the tab, line breaks and U+0020 to U+00FF that the"
                        + " simulator takes");
            }
        }
        return Optional.empty();
    }

    private static int firstDisallowedCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFF);
            if (!allowed) {
                return i;
            }
        }
        return -1;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
