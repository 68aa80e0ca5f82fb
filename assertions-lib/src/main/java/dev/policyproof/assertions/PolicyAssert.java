package dev.policyproof.assertions;

import dev.policyproof.assertions.error.ShouldMeetExpectation;
import dev.policyproof.assertions.error.ShouldNotBeNullPolicy;
import dev.policyproof.assertions.internal.AssertionChain;
import dev.policyproof.assertions.internal.RequestSetup;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.check.CheckResult;
import dev.policyproof.engine.check.Expectation;
import dev.policyproof.engine.check.Expectations;
import dev.policyproof.engine.proof.Scope;
import java.util.List;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.internal.Failures;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a set of IAM policies. Each check runs one expectation of the policyproof engine, and a failure carries
 * the engine's message, titled with the description given to {@link #as(String, Object...)} or else the policies' name.
 *
 * <p>The {@code with*} and {@code in*} methods return a new assertion whose checks build their requests with the
 * given context, tags, principal or scope, and leave this assertion unchanged. The description is copied to the new
 * assertion. Once a check of a chain has failed, its later checks do nothing, which matters in soft assertions.
 *
 * <pre>{@code
 * assertThatPolicy(Path.of("iam/engineer.json"))
 *         .withContext("aws:SourceVpce", "vpce-1a2b3c4d")
 *         .allows("s3:GetObject").on("arn:aws:s3:::reports/q1.csv")
 *         .denies("s3:DeleteObject").on("arn:aws:s3:::reports/q1.csv");
 * }</pre>
 *
 * @since 0.1.0
 */
public class PolicyAssert extends AbstractAssert<PolicyAssert, PolicySet> {

    /** The message title when the policy under test is null and the assertion has no description. */
    static final String NULL_POLICY_TITLE = "policy";

    private final RequestSetup setup;
    private final AssertionChain chain;

    PolicyAssert(@Nullable PolicySet policies, RequestSetup setup, AssertionChain chain) {
        super(policies, PolicyAssert.class);
        this.setup = setup;
        this.chain = chain;
    }

    /**
     * Sets a single-valued condition context key for the requests of later checks, replacing an earlier value.
     *
     * <pre>{@code
     * // passes: the policy allows reading reports through this VPC endpoint
     * assertThatPolicy(reader).withContext("aws:SourceVpce", "vpce-1a2b3c4d")
     *         .allows("s3:GetObject").on("arn:aws:s3:::reports/q1.csv");
     * // fails: without the key, the statement's condition does not match
     * assertThatPolicy(reader).allows("s3:GetObject").on("arn:aws:s3:::reports/q1.csv");
     * }</pre>
     *
     * @param key the condition key, such as {@code aws:SourceIp}; keys compare without case, as in IAM
     * @param value the key's value
     * @return a new assertion with the key set
     * @throws NullPointerException if {@code key} or {@code value} is null
     * @since 0.1.0
     */
    @CheckReturnValue
    public PolicyAssert withContext(String key, String value) {
        return withSetup(setup.withContext(key, value));
    }

    /**
     * Sets a multivalued condition context key, such as {@code aws:TagKeys}, for the requests of later checks. An
     * empty list makes the key present with no values, which {@code ForAllValues:} conditions treat differently from
     * an absent key.
     *
     * <pre>{@code
     * // passes: both tag keys are on the statement's list
     * assertThatPolicy(reader).withContextValues("aws:TagKeys", List.of("team", "project"))
     *         .allows("s3:PutObjectTagging").on("arn:aws:s3:::reports/q1.csv");
     * // fails: "owner" is not on the list
     * assertThatPolicy(reader).withContextValues("aws:TagKeys", List.of("team", "owner"))
     *         .allows("s3:PutObjectTagging").on("arn:aws:s3:::reports/q1.csv");
     * }</pre>
     *
     * @param key the multivalued condition key
     * @param values the key's values, in any order
     * @return a new assertion with the key set
     * @throws NullPointerException if {@code key}, {@code values} or one of the values is null
     * @since 0.1.0
     */
    @CheckReturnValue
    public PolicyAssert withContextValues(String key, List<String> values) {
        return withSetup(setup.withContextValues(key, values));
    }

    /**
     * Tags the resource of later request checks. The engine adds the tag under every condition key that the action's
     * service uses for resource tags, such as {@code aws:ResourceTag/team}. Session checks ignore these tags
     * because they try tagged and untagged targets of their own.
     *
     * <pre>{@code
     * // passes: the statement requires team=finance on the object
     * assertThatPolicy(reader).withResourceTag("team", "finance")
     *         .allows("s3:GetObject").on("arn:aws:s3:::data/ledger.csv");
     * // fails: the object belongs to another team
     * assertThatPolicy(reader).withResourceTag("team", "sales")
     *         .allows("s3:GetObject").on("arn:aws:s3:::data/ledger.csv");
     * }</pre>
     *
     * @param key the tag key, without a condition key prefix
     * @param value the tag value
     * @return a new assertion with the tag added
     * @throws NullPointerException if {@code key} or {@code value} is null
     * @since 0.1.0
     */
    @CheckReturnValue
    public PolicyAssert withResourceTag(String key, String value) {
        return withSetup(setup.withResourceTag(key, value));
    }

    /**
     * Sets the principal that makes the requests of later request and session checks.
     *
     * <pre>{@code
     * assertThatPolicy(policy).withPrincipal("arn:aws:iam::111122223333:role/engineer")
     *         .allows("s3:GetObject").on("arn:aws:s3:::reports/q1.csv");
     * }</pre>
     *
     * @param principalArn the principal's ARN
     * @return a new assertion with the principal set
     * @throws NullPointerException if {@code principalArn} is null
     * @since 0.1.0
     */
    @CheckReturnValue
    public PolicyAssert withPrincipal(String principalArn) {
        return withSetup(setup.withPrincipal(principalArn));
    }

    /**
     * Sets the principal that makes the requests and the global condition keys AWS sets for it:
     * {@code aws:PrincipalArn}, {@code aws:PrincipalAccount}, {@code aws:PrincipalType},
     * {@code aws:PrincipalIsAWSService}, and {@code aws:username} and {@code aws:userid} where the principal kind has
     * them.
     *
     * <pre>{@code
     * assertThatPolicy(policy).asPrincipal("arn:aws:iam::111122223333:user/alice", "AIDAEXAMPLEALICE")
     *         .allows("s3:GetObject").on("arn:aws:s3:::home/alice/notes.txt");
     * }</pre>
     *
     * @param principalArn the ARN of a user, role session, federated user or account root, or a service principal
     * @param uniqueId the user ID of a user or the role ID of a role session, as {@code aws:userid} needs; null
     *     leaves {@code aws:userid} unset for those kinds
     * @return a new assertion with the principal and its keys set
     * @throws IllegalArgumentException if {@code principalArn} is not a principal that sends requests
     * @since 0.1.0
     */
    @CheckReturnValue
    public PolicyAssert asPrincipal(String principalArn, @Nullable String uniqueId) {
        return withSetup(setup.asPrincipal(principalArn, uniqueId));
    }

    /**
     * Sets the Region in which session checks build target and document ARNs where the policy leaves the Region open.
     * Request checks use the ARNs given to them.
     *
     * <pre>{@code
     * assertThatPolicy(policy).inRegion("eu-west-1").allowsStartSession().onlyWithDocument(PORT_FORWARD);
     * }</pre>
     *
     * @param region the Region code, such as {@code eu-west-1}
     * @return a new assertion with the Region set
     * @throws IllegalArgumentException if {@code region} is blank
     * @since 0.1.0
     */
    @CheckReturnValue
    public PolicyAssert inRegion(String region) {
        return withSetup(setup.withScope(setup.scope().withRegion(region)));
    }

    /**
     * Sets the account in which session checks build target and document ARNs where the policy leaves the account
     * open. Request checks use the ARNs given to them.
     *
     * <pre>{@code
     * assertThatPolicy(policy).inAccount("444455556666").allowsStartSession().onlyWithDocument(PORT_FORWARD);
     * }</pre>
     *
     * @param account the 12-digit account ID
     * @return a new assertion with the account set
     * @throws IllegalArgumentException if {@code account} is not 12 digits
     * @since 0.1.0
     */
    @CheckReturnValue
    public PolicyAssert inAccount(String account) {
        return withSetup(setup.withScope(setup.scope().withAccount(account)));
    }

    /**
     * Verifies that the policies allow {@code action} on the resource that {@link RequestAssert#on(String)} names,
     * with the context, tags and principal set on this assertion.
     *
     * <pre>{@code
     * // passes: statement ReadReports allows it through the endpoint
     * assertThatPolicy(reader).withContext("aws:SourceVpce", "vpce-1a2b3c4d")
     *         .allows("s3:GetObject").on("arn:aws:s3:::reports/q1.csv");
     * // fails: statement DenyDeleteReports denies it explicitly
     * assertThatPolicy(reader).allows("s3:DeleteObject").on("arn:aws:s3:::reports/q1.csv");
     * }</pre>
     *
     * @param action the action, such as {@code s3:GetObject}
     * @return the request to complete with {@link RequestAssert#on(String)}, which runs the check
     * @throws NullPointerException if {@code action} is null
     * @since 0.1.0
     */
    @CheckReturnValue
    public RequestAssert allows(String action) {
        return new RequestAssert(this, action, Expectations::allows);
    }

    /**
     * Verifies that the policies deny {@code action} on the resource that {@link RequestAssert#on(String)} names,
     * explicitly or because no statement allows it.
     *
     * <pre>{@code
     * // passes: statement DenyDeleteReports denies it
     * assertThatPolicy(reader).denies("s3:DeleteObject").on("arn:aws:s3:::reports/q1.csv");
     * // fails: statement ReadReports allows it through the endpoint
     * assertThatPolicy(reader).withContext("aws:SourceVpce", "vpce-1a2b3c4d")
     *         .denies("s3:GetObject").on("arn:aws:s3:::reports/q1.csv");
     * }</pre>
     *
     * @param action the action, such as {@code s3:DeleteObject}
     * @return the request to complete with {@link RequestAssert#on(String)}, which runs the check
     * @throws NullPointerException if {@code action} is null
     * @since 0.1.0
     */
    @CheckReturnValue
    public RequestAssert denies(String action) {
        return new RequestAssert(this, action, Expectations::denies);
    }

    /**
     * Verifies that the policies allow {@code request}, which is used as given: the context, tags and principal set on
     * this assertion are not added to it.
     *
     * <pre>{@code
     * // passes
     * assertThatPolicy(reader).allows(Request.of("s3:GetObject", "arn:aws:s3:::reports/q1.csv")
     *         .contextValue("aws:SourceVpce", "vpce-1a2b3c4d").build());
     * // fails: no statement allows writing
     * assertThatPolicy(reader).allows(Request.of("s3:PutObject", "arn:aws:s3:::reports/q1.csv").build());
     * }</pre>
     *
     * @param request the request to authorize
     * @return this assertion, for more checks
     * @throws AssertionError if the request is denied, unless a soft assertion collects the failure
     * @throws NullPointerException if {@code request} is null
     * @since 0.1.0
     */
    public PolicyAssert allows(Request request) {
        return check(Expectations.allows(request));
    }

    /**
     * Verifies that the policies deny {@code request}, explicitly or because no statement allows it. The request is
     * used as given: the context, tags and principal set on this assertion are not added to it.
     *
     * <pre>{@code
     * // passes
     * assertThatPolicy(reader).denies(Request.of("s3:PutObject", "arn:aws:s3:::reports/q1.csv").build());
     * // fails: statement ReadReports allows it
     * assertThatPolicy(reader).denies(Request.of("s3:GetObject", "arn:aws:s3:::reports/q1.csv")
     *         .contextValue("aws:SourceVpce", "vpce-1a2b3c4d").build());
     * }</pre>
     *
     * @param request the request to authorize
     * @return this assertion, for more checks
     * @throws AssertionError if the request is allowed, unless a soft assertion collects the failure
     * @throws NullPointerException if {@code request} is null
     * @since 0.1.0
     */
    public PolicyAssert denies(Request request) {
        return check(Expectations.denies(request));
    }

    /**
     * Verifies that the policies allow some {@code ssm:StartSession} call, trying targets and session documents in
     * this assertion's scope. The returned assertion narrows down which sessions those are.
     *
     * <pre>{@code
     * // passes: the bastion statement and the document statement together allow a tunnel
     * assertThatPolicy(tunnelOnly).allowsStartSession();
     * // fails: no statement allows ssm:StartSession
     * assertThatPolicy(reader).allowsStartSession();
     * }</pre>
     *
     * @return the assertion on the allowed sessions
     * @throws AssertionError if no session is allowed, unless a soft assertion collects the failure
     * @since 0.1.0
     */
    public StartSessionAssert allowsStartSession() {
        check(Expectations.allowsStartSession(setup.scope(), setup.caller()));
        return new StartSessionAssert(this);
    }

    /**
     * Verifies that every request the policies allow lies within one of {@code permitted}, proven over every action
     * of the bundled catalogue, every resource and every context, not sampled. A counterexample or an undecidable
     * policy part (a policy variable, for example) fails the check.
     *
     * <pre>{@code
     * // passes: the tunnel policy allows nothing but the tunnel and ending its own sessions
     * assertThatPolicy(tunnelOnly).grantsOnly(
     *         requests("ssm:StartSession").on("arn:aws:ec2:*:*:instance/*", TUNNEL_DOCUMENT_ARN),
     *         requests("ssm:TerminateSession", "ssm:ResumeSession").onAnyResource());
     * // fails with a counterexample: a power-user policy allows far more
     * assertThatPolicy(powerUser).grantsOnly(requests("s3:GetObject").onAnyResource());
     * }</pre>
     *
     * @param permitted the requests the policies may allow
     * @return this assertion, for more checks
     * @throws AssertionError if some other request is allowed or the result is unknown, unless a soft assertion
     *     collects the failure
     * @since 0.1.0
     */
    public PolicyAssert grantsOnly(Scope... permitted) {
        return check(Expectations.grantsOnly(List.of(permitted)));
    }

    /**
     * Verifies that no request for {@code actions} is allowed, on any resource and in any context; narrow the
     * resources with {@link NeverAllowsAssert#on(String...)}.
     *
     * <pre>{@code
     * // passes: the engineer policy denies Run Command everywhere
     * assertThatPolicy(engineer).neverAllows("ssm:SendCommand").anywhere();
     * // fails: a power-user policy allows it
     * assertThatPolicy(powerUser).neverAllows("ssm:SendCommand").on("arn:aws:ec2:*:*:instance/*");
     * }</pre>
     *
     * @param actions action patterns, such as {@code ssm:SendCommand} or {@code s3:Delete*}
     * @return the assertion that takes the resources
     * @since 0.1.0
     */
    public NeverAllowsAssert neverAllows(String... actions) {
        return new NeverAllowsAssert(this, Scope.actions(actions).withAccount(setup.scope().account()));
    }

    /**
     * Verifies that the policies allow nothing that {@code baseline} does not allow: the change grants no new access.
     *
     * <pre>{@code
     * // passes: the new version only removes a statement
     * assertThatPolicy(newVersion).grantsNoNewAccessComparedTo(oldVersion);
     * // fails: s3:Get* reaches s3:GetObjectAcl, which s3:GetObject did not
     * assertThatPolicy(widened).grantsNoNewAccessComparedTo(narrow);
     * }</pre>
     *
     * @param baseline the policies to compare with, such as the deployed version
     * @return this assertion, for more checks
     * @throws AssertionError if some request is newly allowed or the result is unknown
     * @since 0.1.0
     */
    public PolicyAssert grantsNoNewAccessComparedTo(PolicySet baseline) {
        return check(Expectations.grantsNoNewAccessComparedTo(baseline));
    }

    /**
     * Verifies that the resource policy allows nothing to anonymous callers or to principals of other accounts. The
     * resource belongs to the account set with {@link #inAccount(String)}.
     *
     * <pre>{@code
     * // passes: the bucket policy names only its own account
     * assertThatPolicies(privateBucket).isNotPublic();
     * // fails: "Principal": "*" with no condition
     * assertThatPolicies(openBucket).isNotPublic();
     * }</pre>
     *
     * @return this assertion, for more checks
     * @throws AssertionError if an outsider is allowed something or the result is unknown
     * @since 0.1.0
     */
    public PolicyAssert isNotPublic() {
        return check(Expectations.isNotPublic(setup.scope().account()));
    }

    /**
     * Verifies that no road to a shell on the targets {@code target} matches is open: no session with a document
     * other than port forwarding (the default shell included), Run Command, EC2 Instance Connect key pushes,
     * Automation, caller-made documents, user data changes or tag moves.
     *
     * <pre>{@code
     * // passes: the tunnel-only engineer policy
     * assertThatPolicy(engineer).doesNotAllowShellOn("arn:aws:ec2:*:*:instance/*");
     * // fails: the naive policy grants the default shell implicitly
     * assertThatPolicy(naive).doesNotAllowShellOn("arn:aws:ec2:*:*:instance/*");
     * }</pre>
     *
     * @param target an instance ARN or pattern
     * @return this assertion, for more checks
     * @throws AssertionError if a road is open, unless a soft assertion collects the failure
     * @since 0.1.0
     */
    public PolicyAssert doesNotAllowShellOn(String target) {
        return check(Expectations.doesNotAllowShellOn(setup.scope(), target));
    }

    /**
     * Verifies that callers end and resume only their own Session Manager sessions.
     *
     * <pre>{@code
     * // passes: session/* with the session-id tag equal to ${aws:userid}
     * assertThatPolicy(engineer).endsOnlyOwnSessions();
     * // fails: session/${aws:username}-* also matches the sessions of user alice-smith
     * assertThatPolicy(byName).endsOnlyOwnSessions();
     * }</pre>
     *
     * @return this assertion, for more checks
     * @throws AssertionError if a session of someone else can be ended or resumed
     * @since 0.1.0
     */
    public PolicyAssert endsOnlyOwnSessions() {
        return check(Expectations.endsOnlyOwnSessions(setup.scope()));
    }

    RequestSetup setup() {
        return setup;
    }

    /** Runs {@code expectation} unless an earlier check of the chain failed, and reports a failure to the chain. */
    PolicyAssert check(Expectation expectation) {
        if (chain.hasFailed()) {
            return myself;
        }
        if (actual == null) {
            return fail(ShouldNotBeNullPolicy.shouldNotBeNullPolicy(title()));
        }
        CheckResult result = expectation.check(actual, title());
        return result.passed() ? myself : fail(ShouldMeetExpectation.shouldMeetExpectation(result));
    }

    private PolicyAssert fail(ErrorMessageFactory message) {
        chain.fail(Failures.instance().failure(info, message));
        return myself;
    }

    private String title() {
        if (info.hasDescription()) {
            return info.descriptionText();
        }
        return actual == null ? NULL_POLICY_TITLE : actual.name();
    }

    private PolicyAssert withSetup(RequestSetup newSetup) {
        PolicyAssert copy = new PolicyAssert(actual, newSetup, chain);
        copy.info.description(info.description());
        copy.info.useRepresentation(info.representation());
        if (info.overridingErrorMessage() != null) {
            copy.info.overridingErrorMessage(info.overridingErrorMessage());
        }
        return copy;
    }
}
