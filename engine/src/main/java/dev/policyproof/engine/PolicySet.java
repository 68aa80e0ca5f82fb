package dev.policyproof.engine;

import dev.policyproof.engine.internal.CompiledPolicy;
import dev.policyproof.engine.internal.EvaluationLogic;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The policies that together decide requests to one resource: the caller's identity policies, the resource's policy,
 * the caller's permissions boundary and session policy, the SCPs and RCPs of each organization level, and a VPC
 * endpoint policy. Policies are compiled once, for many evaluations.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy
 *     evaluation logic</a>
 */
public final class PolicySet {

    private final String name;
    private final List<CompiledPolicy> identity;
    private final @Nullable CompiledPolicy resource;
    private final @Nullable CompiledPolicy boundary;
    private final @Nullable CompiledPolicy session;
    private final List<List<CompiledPolicy>> scpLevels;
    private final List<List<CompiledPolicy>> rcpLevels;
    private final @Nullable CompiledPolicy vpcEndpoint;

    private PolicySet(Builder builder) {
        this.identity = compileAll(builder.identity, PolicyType.IDENTITY, 0);
        this.resource = compile(builder.resource, PolicyType.RESOURCE);
        this.boundary = compile(builder.boundary, PolicyType.PERMISSIONS_BOUNDARY);
        this.session = compile(builder.session, PolicyType.SESSION);
        this.scpLevels = compileLevels(builder.scpLevels, PolicyType.SCP);
        this.rcpLevels = compileLevels(builder.rcpLevels, PolicyType.RCP);
        this.vpcEndpoint = compile(builder.vpcEndpoint, PolicyType.VPC_ENDPOINT);
        if (identity.isEmpty() && resource == null) {
            throw new IllegalArgumentException("a policy set needs an identity policy or a resource policy to grant "
                    + "access; add at least one identity policy, or a resource policy");
        }
        this.name = builder.name != null ? builder.name : defaultName();
    }

    /** Returns a set of the given identity policies, named after them. */
    public static PolicySet of(Policy... identityPolicies) {
        return of(List.of(identityPolicies));
    }

    public static PolicySet of(List<Policy> identityPolicies) {
        return builder().identity(identityPolicies).build();
    }

    /** Returns a set of identity policies with a display name for messages, such as the role they are attached to. */
    public static PolicySet named(String name, List<Policy> identityPolicies) {
        return builder().name(name).identity(identityPolicies).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return name;
    }

    public List<Policy> identityPolicies() {
        return identity.stream().map(CompiledPolicy::policy).toList();
    }

    public Optional<Policy> resourcePolicy() {
        return Optional.ofNullable(resource).map(CompiledPolicy::policy);
    }

    public Optional<Policy> permissionsBoundary() {
        return Optional.ofNullable(boundary).map(CompiledPolicy::policy);
    }

    public Optional<Policy> sessionPolicy() {
        return Optional.ofNullable(session).map(CompiledPolicy::policy);
    }

    public List<List<Policy>> scpLevels() {
        return scpLevels.stream().map(level -> level.stream().map(CompiledPolicy::policy).toList()).toList();
    }

    public List<List<Policy>> rcpLevels() {
        return rcpLevels.stream().map(level -> level.stream().map(CompiledPolicy::policy).toList()).toList();
    }

    public Optional<Policy> vpcEndpointPolicy() {
        return Optional.ofNullable(vpcEndpoint).map(CompiledPolicy::policy);
    }

    /** Returns every policy in the set: identity, resource, boundary, session, SCP, RCP and VPC endpoint. */
    public List<Policy> allPolicies() {
        List<Policy> all = new ArrayList<>(identityPolicies());
        resourcePolicy().ifPresent(all::add);
        permissionsBoundary().ifPresent(all::add);
        sessionPolicy().ifPresent(all::add);
        scpLevels().forEach(all::addAll);
        rcpLevels().forEach(all::addAll);
        vpcEndpointPolicy().ifPresent(all::add);
        return all;
    }

    /**
     * Decides {@code request} by IAM's evaluation logic: an applicable {@code Deny} anywhere wins; every SCP level, the
     * VPC endpoint policy, the permissions boundary and the session policy must allow; and the identity policies or
     * the resource policy must grant, as same-account and cross-account rules require.
     *
     * @throws IllegalArgumentException if the request's principal is not a valid principal identifier
     */
    public EvaluationResult evaluate(Request request) {
        return new EvaluationLogic(identity, resource, boundary, session, scpLevels, rcpLevels, vpcEndpoint)
                .evaluate(request);
    }

    @Override
    public String toString() {
        return name;
    }

    private String defaultName() {
        List<String> names = new ArrayList<>();
        identity.forEach(policy -> names.add(policy.policy().name()));
        if (resource != null) {
            names.add(resource.policy().name());
        }
        return String.join(" + ", names);
    }

    private static @Nullable CompiledPolicy compile(@Nullable Policy policy, PolicyType type) {
        if (policy == null) {
            return null;
        }
        requireKind(policy, type);
        return new CompiledPolicy(policy, type, 0);
    }

    private static List<CompiledPolicy> compileAll(List<Policy> policies, PolicyType type, int level) {
        return policies.stream()
                .map(policy -> {
                    requireKind(policy, type);
                    return new CompiledPolicy(policy, type, level);
                })
                .toList();
    }

    private static List<List<CompiledPolicy>> compileLevels(List<List<Policy>> levels, PolicyType type) {
        List<List<CompiledPolicy>> compiled = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            compiled.add(compileAll(levels.get(i), type, i + 1));
        }
        return List.copyOf(compiled);
    }

    /** Identity-like slots take policies without {@code Principal}; resource-like slots take policies with one. */
    private static void requireKind(Policy policy, PolicyType type) {
        boolean resourceLike = type == PolicyType.RESOURCE || type == PolicyType.RCP || type == PolicyType.VPC_ENDPOINT;
        boolean matches = resourceLike ? policy.kind() != PolicyKind.IDENTITY : policy.kind() == PolicyKind.IDENTITY;
        if (!matches) {
            String expected = resourceLike ? "PolicyKind.RESOURCE" : "PolicyKind.IDENTITY";
            throw new IllegalArgumentException(policy.name() + " was parsed with PolicyKind." + policy.kind().name()
                    + ", so it cannot be used as the " + type.displayName() + ". Parse it with PolicyParser.forKind("
                    + expected + ")");
        }
    }

    /**
     * Builds a {@link PolicySet}. Plural setters replace, {@code add*} methods append. SCP and RCP levels run from
     * the organization root down to the account, and each level lists the policies attached there.
     */
    public static final class Builder {
        private @Nullable String name;
        private final List<Policy> identity = new ArrayList<>();
        private @Nullable Policy resource;
        private @Nullable Policy boundary;
        private @Nullable Policy session;
        private final List<List<Policy>> scpLevels = new ArrayList<>();
        private final List<List<Policy>> rcpLevels = new ArrayList<>();
        private @Nullable Policy vpcEndpoint;

        private Builder() {}

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        public Builder identity(List<Policy> policies) {
            identity.clear();
            identity.addAll(policies);
            return this;
        }

        public Builder addIdentity(Policy policy) {
            identity.add(policy);
            return this;
        }

        /** Sets the resource's policy: a bucket, key or queue policy, or a role's trust policy. */
        public Builder resourcePolicy(@Nullable Policy policy) {
            this.resource = policy;
            return this;
        }

        public Builder permissionsBoundary(@Nullable Policy policy) {
            this.boundary = policy;
            return this;
        }

        public Builder sessionPolicy(@Nullable Policy policy) {
            this.session = policy;
            return this;
        }

        /**
         * Sets the SCPs, one list per level from the root to the caller's account. Every attached policy is listed:
         * {@code FullAWSAccess} is not implied.
         */
        public Builder scpLevels(List<List<Policy>> levels) {
            scpLevels.clear();
            levels.forEach(level -> scpLevels.add(List.copyOf(level)));
            return this;
        }

        /**
         * Sets the custom RCPs, one list per level from the root to the resource's account. {@code RCPFullAWSAccess}
         * is attached at every level and cannot be detached, so it is implied and RCPs can only deny.
         */
        public Builder rcpLevels(List<List<Policy>> levels) {
            rcpLevels.clear();
            levels.forEach(level -> rcpLevels.add(List.copyOf(level)));
            return this;
        }

        public Builder vpcEndpointPolicy(@Nullable Policy policy) {
            this.vpcEndpoint = policy;
            return this;
        }

        public PolicySet build() {
            return new PolicySet(this);
        }
    }
}
