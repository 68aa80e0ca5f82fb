package dev.policyproof.aws;

import static dev.policyproof.aws.error.ShouldAgreeWithSimulator.shouldAgreeWithSimulator;
import static dev.policyproof.aws.error.ShouldHaveNoFindings.shouldHaveNoFindings;
import static dev.policyproof.aws.error.ShouldPassCustomCheck.shouldPassCustomCheck;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.Request;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.internal.Failures;

/**
 * Assertions on policies that ask AWS. Failure messages have the shape of local policy assertions: a title, then
 * aligned facts. A remote call that fails throws {@link RemoteCheckException}, which is not an assertion failure,
 * because the policy was not judged.
 *
 * @since 0.1.0
 */
public class RemotePolicyAssert extends AbstractAssert<RemotePolicyAssert, PolicySources> {

    private final RemoteChecks remote;

    RemotePolicyAssert(PolicySources sources, RemoteChecks remote) {
        super(sources, RemotePolicyAssert.class);
        this.remote = remote;
    }

    /**
     * Verifies that the local engine and the IAM policy simulator decide {@code request} the same way. A request the
     * simulator cannot represent, or a simulator that stays throttled or times out, fails this check too, because
     * agreement was not shown.
     *
     * <pre>{@code
     * // passes: both deny SendCommand through the DenyOtherShellRoads statement
     * aws.assertThatPolicy(engineer).agreesWithSimulator(Request.of("ssm:SendCommand", bastion).build());
     * // fails as not comparable: the simulator does not model Session Manager documents
     * aws.assertThatPolicy(engineer).agreesWithSimulator(Request.of("ssm:StartSession", bastion).build());
     * }</pre>
     *
     * @param request the request to decide
     * @return this assertion
     * @throws RemoteCheckException if the simulator call fails for a reason other than throttling or a timeout
     * @since 0.1.0
     */
    public RemotePolicyAssert agreesWithSimulator(Request request) {
        Comparison comparison = remote.comparator().compare(actual, request);
        if (!comparison.agrees()) {
            fail(shouldAgreeWithSimulator(comparison, title()));
        }
        return this;
    }

    /**
     * Verifies that the local engine and the simulator decide {@code action} on {@code resource} the same way, for a
     * request with no principal and no context.
     *
     * @return this assertion
     * @see #agreesWithSimulator(Request)
     * @since 0.1.0
     */
    public RemotePolicyAssert agreesWithSimulatorOn(String action, String resource) {
        return agreesWithSimulator(Request.of(action, resource).build());
    }

    /**
     * Verifies that Access Analyzer's {@code ValidatePolicy} reports no finding of {@code threshold} or more severe for
     * any identity policy, resource policy or permissions boundary of the set.
     *
     * <pre>{@code
     * // fails when a statement allows iam:PassRole on "*", a SECURITY_WARNING
     * aws.assertThatPolicy(admin).hasNoValidationFindingsAtOrAbove(FindingSeverity.SECURITY_WARNING);
     * }</pre>
     *
     * @param threshold the least severe finding that fails the check
     * @return this assertion
     * @throws RemoteCheckException if a call fails
     * @since 0.1.0
     */
    public RemotePolicyAssert hasNoValidationFindingsAtOrAbove(FindingSeverity threshold) {
        List<ValidationFinding> findings = new ArrayList<>();
        for (PolicyDocument document : documents()) {
            findings.addAll(remote.accessAnalyzer().validate(document).findingsAtOrAbove(threshold));
        }
        if (!findings.isEmpty()) {
            fail(shouldHaveNoFindings(title(), threshold, findings));
        }
        return this;
    }

    /**
     * Verifies, with Access Analyzer's {@code CheckAccessNotGranted}, that no identity policy of the set grants any of
     * {@code actions} on any resource. The check covers every request, not one.
     *
     * <pre>{@code
     * aws.assertThatPolicy(engineer).grantsNoneOf(List.of("ssm:SendCommand", "iam:PassRole"));
     * }</pre>
     *
     * @param actions the actions no statement may grant
     * @return this assertion
     * @throws RemoteCheckException if a call fails
     * @since 0.1.0
     */
    public RemotePolicyAssert grantsNoneOf(List<String> actions) {
        for (Policy policy : actual.policies().identityPolicies()) {
            CustomCheckResult result =
                    remote.accessAnalyzer().checkAccessNotGranted(document(policy), actions, List.of());
            if (!result.passed()) {
                fail(shouldPassCustomCheck(title(), "grants none of " + actions + " on any resource", result));
            }
        }
        return this;
    }

    /**
     * Verifies, with Access Analyzer's {@code CheckNoNewAccess}, that the set's only identity policy grants nothing
     * that the identity policy in {@code existing} does not.
     *
     * @param existing the file of the policy version in use
     * @return this assertion
     * @throws IllegalStateException if the set has more than one identity policy
     * @throws RemoteCheckException if the call fails
     * @since 0.1.0
     */
    public RemotePolicyAssert grantsNoNewAccessComparedTo(Path existing) {
        List<Policy> identity = actual.policies().identityPolicies();
        if (identity.size() != 1) {
            throw new IllegalStateException("grantsNoNewAccessComparedTo compares one identity policy, and the set has "
                    + identity.size());
        }
        CustomCheckResult result = remote.accessAnalyzer()
                .checkNoNewAccess(document(identity.get(0)), PolicyDocument.read(existing, PolicyKind.IDENTITY));
        if (!result.passed()) {
            fail(shouldPassCustomCheck(title(), "grants no access beyond " + existing, result));
        }
        return this;
    }

    /**
     * Verifies, with Access Analyzer's {@code CheckNoPublicAccess}, that the set's resource policy grants no public
     * access to a resource of {@code resourceType}, such as {@code AWS::S3::Bucket}.
     *
     * @return this assertion
     * @throws IllegalStateException if the set has no resource policy
     * @throws RemoteCheckException if the call fails
     * @since 0.1.0
     */
    public RemotePolicyAssert isNotPublicFor(String resourceType) {
        Policy resourcePolicy = actual.policies().resourcePolicy().orElseThrow(() -> new IllegalStateException(
                "isNotPublicFor checks a resource policy, and " + actual.policies().name() + " has none"));
        CustomCheckResult result = remote.accessAnalyzer().checkNoPublicAccess(document(resourcePolicy), resourceType);
        if (!result.passed()) {
            fail(shouldPassCustomCheck(title(), "no public access to " + resourceType, result));
        }
        return this;
    }

    private List<PolicyDocument> documents() {
        List<Policy> sent = new ArrayList<>(actual.policies().identityPolicies());
        actual.policies().resourcePolicy().ifPresent(sent::add);
        actual.policies().permissionsBoundary().ifPresent(sent::add);
        return sent.stream().map(this::document).toList();
    }

    private PolicyDocument document(Policy policy) {
        return new PolicyDocument(policy, actual.textOf(policy));
    }

    private String title() {
        String description = descriptionText();
        return description == null || description.isEmpty() ? actual.policies().name() : description;
    }

    private void fail(ErrorMessageFactory message) {
        throw Failures.instance().failure(info, message);
    }
}
