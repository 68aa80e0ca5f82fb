package dev.policyproof.engine.check;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.ssm.SessionScope;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A checks file after validation: the scope of session checks, the declared policies with their files resolved, and
 * the named checks with their expectations. {@link ChecksFileReader} creates it and {@link CheckSuite#load} parses
 * its policies.
 *
 * @param file the checks file as messages print it
 * @param scope the partition, Region and account in which session checks build example ARNs
 * @param policies the declared policies by id, in file order
 * @param checks the checks in file order, at least one
 */
public record ChecksFile(String file, SessionScope scope, Map<String, PolicyGroup> policies, List<Check> checks) {

    public ChecksFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(scope, "scope");
        policies = Collections.unmodifiableMap(new LinkedHashMap<>(policies));
        checks = List.copyOf(checks);
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("a checks file needs at least one check");
        }
    }

    /** Returns this checks file with {@code replacement} as its checks. */
    public ChecksFile withChecks(List<Check> replacement) {
        return new ChecksFile(file, scope, policies, replacement);
    }

    /** Returns the base name of the file without its extension, such as {@code checks} for {@code checks.yaml}. */
    public String baseName() {
        String name = Path.of(file).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * The policy files declared under one id.
     *
     * @param id the id that checks refer to
     * @param files the files, each a readable regular file, in the order declared and globs sorted
     * @param displayNames the name of each file in messages and reports: its path relative to the base directory
     * @param kind how the files are parsed: identity policies have no {@code Principal}, resource and trust policies
     *     name one
     * @param templatePolicies the policies selected from a CloudFormation template, already parsed, whose one file
     *     is the template; empty for policy files
     */
    public record PolicyGroup(
            String id, PolicyKind kind, List<Path> files, List<String> displayNames, List<Policy> templatePolicies) {

        public PolicyGroup {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            files = List.copyOf(files);
            displayNames = List.copyOf(displayNames);
            templatePolicies = List.copyOf(templatePolicies);
            if (files.isEmpty() || files.size() != displayNames.size()) {
                throw new IllegalArgumentException("policy " + id + " needs one display name per file, at least one");
            }
        }

        /** Declares policy files, each parsed as one policy. */
        public PolicyGroup(String id, PolicyKind kind, List<Path> files, List<String> displayNames) {
            this(id, kind, files, displayNames, List.of());
        }

        public boolean fromTemplate() {
            return !templatePolicies.isEmpty();
        }

        /** Returns how many policies the id selects: one per file, or the selected policies of a template. */
        public int policyCount() {
            return fromTemplate() ? templatePolicies.size() : files.size();
        }
    }

    /**
     * A named check: expectations that one set of policies, evaluated together, must meet.
     *
     * @param name unique within the file; it titles every failure message of the check
     * @param policyIds the ids of the identity policies; empty only when {@code roles} names a resource policy
     * @param roles the ids of the policies in the other roles of the set: resource policy, boundary and the rest
     * @param expectations at least one
     * @param settings the severity, suppression and location of each expectation, in the same order
     */
    public record Check(String name, List<String> policyIds, PolicyRoles roles, List<Expectation> expectations,
            List<ExpectationSettings> settings) {

        /** Creates a check whose expectations have the default settings: error severity and no suppression. */
        public Check(String name, List<String> policyIds, PolicyRoles roles, List<Expectation> expectations) {
            this(name, policyIds, roles, expectations,
                    java.util.Collections.nCopies(expectations.size(), ExpectationSettings.DEFAULT));
        }

        public Check {
            Objects.requireNonNull(name, "name");
            policyIds = List.copyOf(policyIds);
            Objects.requireNonNull(roles, "roles");
            expectations = List.copyOf(expectations);
            settings = List.copyOf(settings);
            if ((policyIds.isEmpty() && roles.resourcePolicy() == null) || expectations.isEmpty()) {
                throw new IllegalArgumentException("check " + name + " needs a granting policy and an expectation");
            }
            if (settings.size() != expectations.size()) {
                throw new IllegalArgumentException("check " + name + " needs one settings entry per expectation");
            }
        }

        /** Returns this check with the settings of expectation {@code index} replaced. */
        public Check withSettings(int index, ExpectationSettings replacement) {
            List<ExpectationSettings> updated = new java.util.ArrayList<>(settings);
            updated.set(index, replacement);
            return new Check(name, policyIds, roles, expectations, updated);
        }

        /**
         * Returns this check under another name with every policy id replaced through {@code ids}, as a shared suite's
         * checks are renamed and pointed at the project's policies.
         */
        public Check renamed(String newName, java.util.function.UnaryOperator<String> ids) {
            return new Check(newName, policyIds.stream().map(ids).toList(), roles.mapIds(ids), expectations, settings);
        }

        /** Returns the name of the check's policy set: its policy ids joined with {@code " + "}. */
        public String policySetName() {
            List<String> names = new java.util.ArrayList<>(policyIds);
            if (roles.resourcePolicy() != null) {
                names.add(roles.resourcePolicy());
            }
            return String.join(" + ", names);
        }

        /** Returns every policy id the check uses, in any role. */
        public List<String> allPolicyIds() {
            java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>(policyIds);
            ids.addAll(roles.ids());
            return List.copyOf(ids);
        }
    }

    /**
     * The policies of a check beyond its identity policies, by id; each may be absent.
     *
     * @param scpLevels SCP ids per organization level, from the root to the account
     * @param rcpLevels custom RCP ids per level, from the root to the resource's account
     */
    public record PolicyRoles(
            @Nullable String resourcePolicy,
            @Nullable String permissionsBoundary,
            @Nullable String sessionPolicy,
            List<List<String>> scpLevels,
            List<List<String>> rcpLevels,
            @Nullable String vpcEndpointPolicy) {

        public static final PolicyRoles NONE = new PolicyRoles(null, null, null, List.of(), List.of(), null);

        public PolicyRoles {
            scpLevels = scpLevels.stream().map(List::copyOf).toList();
            rcpLevels = rcpLevels.stream().map(List::copyOf).toList();
        }

        /** Returns these roles with every id replaced through {@code ids}. */
        public PolicyRoles mapIds(java.util.function.UnaryOperator<String> ids) {
            return new PolicyRoles(
                    resourcePolicy == null ? null : ids.apply(resourcePolicy),
                    permissionsBoundary == null ? null : ids.apply(permissionsBoundary),
                    sessionPolicy == null ? null : ids.apply(sessionPolicy),
                    scpLevels.stream().map(level -> level.stream().map(ids).toList()).toList(),
                    rcpLevels.stream().map(level -> level.stream().map(ids).toList()).toList(),
                    vpcEndpointPolicy == null ? null : ids.apply(vpcEndpointPolicy));
        }

        /** Returns every id named here. */
        public List<String> ids() {
            List<String> ids = new java.util.ArrayList<>();
            java.util.stream.Stream.of(resourcePolicy, permissionsBoundary, sessionPolicy, vpcEndpointPolicy)
                    .filter(Objects::nonNull)
                    .forEach(ids::add);
            scpLevels.forEach(ids::addAll);
            rcpLevels.forEach(ids::addAll);
            return ids;
        }
    }
}
