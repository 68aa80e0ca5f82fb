package dev.policyproof.engine.check;

import dev.policyproof.engine.check.ChecksFile.Check;
import dev.policyproof.engine.PolicyKind;
import dev.policyproof.engine.check.ChecksFile.PolicyGroup;
import dev.policyproof.engine.check.ChecksFile.PolicyRoles;
import dev.policyproof.engine.check.LocatedNode.Entry;
import dev.policyproof.engine.check.LocatedNode.Mapping;
import dev.policyproof.engine.ssm.SessionScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads and validates a checks file, in YAML or JSON, that declares policies and the checks they must pass:
 *
 * <pre>
 * scope:                       # optional: where session checks build example ARNs
 *   region: eu-west-1
 *   account: "123456789012"
 * policies:
 *   engineer:                  # the id that checks refer to
 *     files: [src/main/iam/engineer.json]   # relative to the base directory; * and ** allowed
 * checks:
 *   - name: engineer reaches the bastion only through port forwarding
 *     policies: [engineer]
 *     expect:
 *       - allowsStartSession:
 *           onlyWithDocument: [AWS-StartPortForwardingSessionToRemoteHost]
 *           onlyForTag: {key: Name, value: app-bastion}
 *       - denies: {action: ssm:SendCommand, resource: "*"}
 *         severity: warning     # optional, per check or per item: warning or error (the default)
 * suppressions:                # optional: accepted violations, each with a reason
 *   - check: engineer reaches the bastion only through port forwarding
 *     expectation: "denies ssm:SendCommand on *"   # optional: without it, every expectation of the check
 *     reason: the runbook account still needs Run Command
 *     expires: 2027-01-31
 * </pre>
 *
 * <p>Checks of shared suites are read with the project's checks file: each suite file lists the policy ids it
 * {@code requires}, which the project declares under the same id or maps with policy aliases.
 *
 * <p>Reading fails closed: unknown keys, missing or mistyped values, duplicate check names, unknown policy ids,
 * policy files that do not exist and globs that select nothing are all reported together in one
 * {@link ChecksFileException}, each with the file, line, column and path of the element and the fix.
 */
public final class ChecksFileReader {

    /** Default location of the checks file, relative to the project's base directory. */
    public static final String DEFAULT_PATH = "src/test/policyproof/checks.yaml";

    private static final List<String> TOP_LEVEL_KEYS = List.of("scope", "policies", "checks", "suppressions");
    private static final List<String> SUITE_KEYS = List.of("requires", "checks");
    private static final List<String> SUPPRESSION_TARGET_KEYS = List.of("check", "expectation");
    private static final List<String> SCOPE_KEYS = List.of("partition", "region", "account");
    private static final List<String> POLICY_KEYS = List.of("files", "kind");
    private static final List<String> TEMPLATE_KEYS =
            List.of("template", "resource", "parameters", "parameterDefaults", "allowUnknowns");
    private static final List<String> TERRAFORM_PLAN_KEYS = List.of("terraformPlan", "resource", "allowUnknowns");
    private static final List<String> CHECK_KEYS = List.of("name", "policies", "resourcePolicy",
            "permissionsBoundary", "sessionPolicy", "scp", "rcp", "vpcEndpointPolicy", "severity", "expect");
    private static final Map<String, PolicyKind> KINDS =
            Map.of("identity", PolicyKind.IDENTITY, "resource", PolicyKind.RESOURCE, "trust", PolicyKind.TRUST);
    private static final Set<PolicyKind> IDENTITY_ONLY = Set.of(PolicyKind.IDENTITY);
    private static final Set<PolicyKind> WITH_PRINCIPAL = Set.of(PolicyKind.RESOURCE, PolicyKind.TRUST);

    private final PolicyFileResolver resolver;
    private final LocalDate today;
    private final Map<String, String> policyAliases;
    private final ClassLoader classLoader;

    private ChecksFileReader(Path baseDirectory, LocalDate today, Map<String, String> policyAliases,
            ClassLoader classLoader) {
        this.resolver = new PolicyFileResolver(baseDirectory);
        this.today = today;
        this.policyAliases = Map.copyOf(policyAliases);
        this.classLoader = classLoader;
    }

    /** Returns a reader that resolves policy files against {@code baseDirectory}, usually the project directory. */
    public static ChecksFileReader relativeTo(Path baseDirectory) {
        return new ChecksFileReader(baseDirectory, LocalDate.now(), Map.of(), ChecksFileReader.class.getClassLoader());
    }

    /** Returns a reader that judges suppression expiry dates as of {@code date} instead of the system clock's today. */
    public ChecksFileReader today(LocalDate date) {
        return new ChecksFileReader(resolver.baseDirectory(), date, policyAliases, classLoader);
    }

    /**
     * Returns a reader that maps the policy ids that shared suites require to the project's ids: each key is a suite's
     * id and each value the id declared in the project's checks file. Ids without an alias map to themselves.
     */
    public ChecksFileReader policyAliases(Map<String, String> aliases) {
        return new ChecksFileReader(resolver.baseDirectory(), today, aliases, classLoader);
    }

    /**
     * Returns a reader that loads the classes of {@code java} expectations with {@code loader}, such as the class
     * loader of a suite's jar. The default is the loader of this class.
     */
    public ChecksFileReader classLoader(ClassLoader loader) {
        return new ChecksFileReader(resolver.baseDirectory(), today, policyAliases, Objects.requireNonNull(loader));
    }

    /**
     * Reads the checks file {@code file}, named in messages as given.
     *
     * @throws ChecksFileException if the file does not exist, cannot be read or is not a valid checks file
     */
    public ChecksFile read(Path file) {
        return read(file, List.of());
    }

    /**
     * Reads the checks file {@code file} and adds the checks of {@code suites}, which run on the project's policies.
     * Suppressions in the project's file may name suite checks, as {@code "<suite>: <check name>"}.
     *
     * @throws ChecksFileException if a file does not exist, cannot be read or is invalid; problems of all files are
     *     reported together
     */
    public ChecksFile read(Path file, List<SuiteFile> suites) {
        String name = file.toString();
        NodeValidator validator = new NodeValidator(name);
        LocatedNode root = LocatedTreeReader.read(name, readText(file));
        Validation project = new Validation(validator);
        Optional<ChecksFile> checksFile = project.checksFile(root);

        List<ChecksFileProblem> suiteProblems = new ArrayList<>();
        if (checksFile.isPresent()) {
            List<Check> checks = new ArrayList<>(checksFile.get().checks());
            for (SuiteFile suite : suites) {
                NodeValidator suiteValidator = new NodeValidator(suite.source());
                new Validation(suiteValidator).suiteChecks(suite, checksFile.get()).ifPresent(checks::addAll);
                suiteProblems.addAll(suiteValidator.problems());
            }
            checksFile = project.suppress(root, checksFile.get().withChecks(checks));
        }
        List<ChecksFileProblem> problems = new ArrayList<>(validator.problems());
        problems.addAll(suiteProblems);
        if (!problems.isEmpty()) {
            throw new ChecksFileException(problems);
        }
        return checksFile.orElseThrow(() -> new IllegalStateException("checks file rejected without a problem"));
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ChecksFileException(List.of(new ChecksFileProblem("file-not-found", "checks file not found; "
                    + "create it or point to an existing one", file.toString(), 0, 0, "")));
        } catch (IOException e) {
            throw new ChecksFileException(List.of(new ChecksFileProblem("unreadable-file", "cannot read the checks "
                    + "file: " + e, file.toString(), 0, 0, "")));
        }
    }

    /** One reading pass, which collects problems in its validator. */
    private final class Validation {

        private final NodeValidator validator;

        Validation(NodeValidator validator) {
            this.validator = validator;
        }

        Optional<ChecksFile> checksFile(LocatedNode root) {
            Optional<Mapping> found = validator.mapping(root, "a map with policies and checks");
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Mapping mapping = found.get();
            validator.allowOnly(mapping, TOP_LEVEL_KEYS);
            Optional<SessionScope> scope = NodeValidator.optional(mapping, "scope")
                    .map(this::scope)
                    .orElse(Optional.of(SessionScope.DEFAULT));
            Optional<Map<String, PolicyGroup>> policies = validator
                    .required(mapping, "policies", "a map from policy ids to their files, such as "
                            + "{engineer: {files: [src/main/iam/engineer.json]}}")
                    .flatMap(node -> policies(node, scope.orElse(SessionScope.DEFAULT)));
            Optional<List<Check>> checks = validator
                    .required(mapping, "checks", "a list of checks, each with a name, policies and expect")
                    .flatMap(node -> checks(node, scope.orElse(SessionScope.DEFAULT), policies.orElse(null)));

            if (scope.isEmpty() || policies.isEmpty() || checks.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ChecksFile(validator.file(), scope.get(), policies.get(), checks.get()));
        }

        /**
         * Reads a shared suite's checks against the project's policies: every id under {@code requires} must map to a
         * declared policy. The checks are renamed {@code "<suite>: <name>"} and point at the project's ids.
         */
        Optional<List<Check>> suiteChecks(SuiteFile suite, ChecksFile project) {
            LocatedNode root = LocatedTreeReader.read(suite.source(), suite.text());
            Optional<Mapping> found = validator.mapping(root, "a map with requires and checks");
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Mapping mapping = found.get();
            validator.allowOnly(mapping, SUITE_KEYS);
            Optional<Map<String, PolicyGroup>> groups = validator
                    .required(mapping, "requires", "a map from the policy ids the suite uses to what each policy is")
                    .flatMap(node -> required(suite.suite(), node, project));
            Optional<List<Check>> checks = validator
                    .required(mapping, "checks", "a list of checks, each with a name, policies and expect")
                    .flatMap(node -> checks(node, project.scope(), groups.orElse(null)));
            if (groups.isEmpty() || checks.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(checks.get().stream()
                    .map(check -> check.renamed(suite.suite() + ": " + check.name(), this::projectId))
                    .toList());
        }

        private String projectId(String suiteId) {
            return policyAliases.getOrDefault(suiteId, suiteId);
        }

        private Optional<Map<String, PolicyGroup>> required(String suite, LocatedNode node, ChecksFile project) {
            Optional<Mapping> found = validator.mapping(node, "a map from policy ids to what each policy is");
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Map<String, PolicyGroup> groups = new LinkedHashMap<>();
            boolean valid = true;
            for (Entry entry : found.get().entries().values()) {
                String id = projectId(entry.key());
                PolicyGroup group = project.policies().get(id);
                if (group == null) {
                    String description =
                            entry.value() instanceof LocatedNode.Scalar scalar ? " (" + scalar.text() + ")" : "";
                    validator.report("missing-policy", "suite " + suite + " needs policy \"" + entry.key() + "\""
                            + description + ", but " + project.file() + " declares no policy \"" + id + "\"; declare it "
                            + "under policies, or map the suite's id to a declared one with policyAliases"
                            + declaredIds(project.policies().keySet()), entry.line(), entry.column(),
                            LocatedNode.childPath(found.get().path(), entry.key()));
                    valid = false;
                } else {
                    groups.put(entry.key(), group);
                }
            }
            return valid ? Optional.of(groups) : Optional.empty();
        }

        /** Applies the top-level {@code suppressions} list to the checks of {@code checksFile}. */
        Optional<ChecksFile> suppress(LocatedNode root, ChecksFile checksFile) {
            Optional<LocatedNode> list = root instanceof Mapping mapping
                    ? NodeValidator.optional(mapping, "suppressions")
                    : Optional.empty();
            if (list.isEmpty()) {
                return Optional.of(checksFile);
            }
            Optional<List<LocatedNode>> items = validator.list(list.get(), "a list of suppressions, each with check "
                    + "and reason");
            if (items.isEmpty()) {
                return Optional.empty();
            }
            ExpectationReader reader = new ExpectationReader(validator, checksFile.scope(), today, resolver,
                    classLoader);
            List<Check> checks = new ArrayList<>(checksFile.checks());
            boolean valid = true;
            for (LocatedNode item : items.get()) {
                valid &= suppressOne(item, reader, checks);
            }
            return valid ? Optional.of(checksFile.withChecks(checks)) : Optional.empty();
        }

        private boolean suppressOne(LocatedNode item, ExpectationReader reader, List<Check> checks) {
            Optional<Mapping> found = validator.mapping(item, "a map with check, reason and, optionally, "
                    + "expectation and expires");
            if (found.isEmpty()) {
                return false;
            }
            Mapping mapping = found.get();
            Optional<LocatedNode> checkNode = validator.required(mapping, "check", "the name of the check to suppress");
            Optional<String> checkName = checkNode.flatMap(node -> validator.text(node, "a check name"));
            Optional<LocatedNode> expectationNode = NodeValidator.optional(mapping, "expectation");
            Optional<String> expectation = expectationNode.flatMap(node -> validator.text(node, "an expectation as "
                    + "reports print it, such as \"denies ssm:SendCommand on *\""));
            Optional<Suppression> suppression = reader.suppression(mapping, SUPPRESSION_TARGET_KEYS);

            if (checkName.isEmpty() || suppression.isEmpty() || (expectationNode.isPresent() && expectation.isEmpty())) {
                return false;
            }
            int index = indexOf(checks, checkName.get());
            if (index < 0) {
                validator.report("unknown-check", "the suppression names check \"" + checkName.get() + "\", which "
                        + "does not exist; use a check name as written, or \"<suite>: <name>\" for a suite's check",
                        checkNode.get());
                return false;
            }

            Check check = checks.get(index);
            boolean matched = false;
            for (int i = 0; i < check.expectations().size(); i++) {
                if (expectation.isEmpty() || check.expectations().get(i).description().equals(expectation.get())) {
                    check = check.withSettings(i, check.settings().get(i).withSuppression(suppression.get()));
                    matched = true;
                }
            }
            if (!matched) {
                validator.report("unknown-expectation", "check \"" + checkName.get() + "\" has no expectation \""
                        + expectation.get() + "\"; its expectations are: " + String.join("; ", check.expectations()
                                .stream().map(Expectation::description).toList()), expectationNode.get());
                return false;
            }
            checks.set(index, check);
            return true;
        }

        private static int indexOf(List<Check> checks, String name) {
            for (int i = 0; i < checks.size(); i++) {
                if (checks.get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        private Optional<SessionScope> scope(LocatedNode node) {
            Optional<Mapping> found = validator.mapping(node, "a map with partition, region and account");
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Mapping mapping = found.get();
            validator.allowOnly(mapping, SCOPE_KEYS);
            SessionScope defaults = SessionScope.DEFAULT;
            Optional<String> partition = scalarOr(mapping, "partition", "a partition, such as aws",
                    defaults.partition());
            Optional<String> region = scalarOr(mapping, "region", "a Region, such as us-east-1", defaults.region());
            Optional<String> account = scalarOr(mapping, "account", "a 12-digit account ID", defaults.account());
            if (account.isPresent() && !account.get().matches("\\d{12}")) {
                LocatedNode accountNode = NodeValidator.optional(mapping, "account").orElseThrow();
                validator.report("invalid-account", "invalid account ID \"" + account.get() + "\": an AWS account "
                        + "ID has exactly 12 digits; quote it, as in account: \"012345678901\", so that leading zeros "
                        + "stay", accountNode);
                return Optional.empty();
            }
            if (partition.isEmpty() || region.isEmpty() || account.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new SessionScope(partition.get(), region.get(), account.get()));
        }

        private Optional<String> scalarOr(Mapping mapping, String key, String expected, String defaultValue) {
            return NodeValidator.optional(mapping, key)
                    .map(node -> validator.text(node, expected))
                    .orElse(Optional.of(defaultValue));
        }

        private Optional<Map<String, PolicyGroup>> policies(LocatedNode node, SessionScope scope) {
            Optional<Mapping> found = validator.mapping(node, "a map from policy ids to their files");
            if (found.isEmpty()) {
                return Optional.empty();
            }
            if (found.get().entries().isEmpty()) {
                validator.report("empty-map", "no policies declared; add one, such as "
                        + "engineer: {files: [src/main/iam/engineer.json]}", node);
                return Optional.empty();
            }
            Map<String, PolicyGroup> groups = new LinkedHashMap<>();
            boolean valid = true;
            for (Entry entry : found.get().entries().values()) {
                Optional<PolicyGroup> group = policyGroup(entry.key(), entry.value(), scope);
                valid &= group.isPresent();
                group.ifPresent(value -> groups.put(entry.key(), value));
            }
            return valid ? Optional.of(groups) : Optional.empty();
        }

        private Optional<PolicyGroup> policyGroup(String id, LocatedNode node, SessionScope scope) {
            Optional<Mapping> found = validator.mapping(node, "a map with files, such as {files: [iam/" + id
                    + ".json]}, or with a template, such as {template: infra/app.yaml}");
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Mapping mapping = found.get();
            if (mapping.entries().containsKey("template")) {
                validator.allowOnly(mapping, TEMPLATE_KEYS);
                return new TemplateGroupReader(validator, resolver, scope).read(id, mapping);
            }
            if (mapping.entries().containsKey("terraformPlan")) {
                validator.allowOnly(mapping, TERRAFORM_PLAN_KEYS);
                return new TerraformPlanGroupReader(validator, resolver, scope).read(id, mapping);
            }
            validator.allowOnly(mapping, POLICY_KEYS);
            Optional<PolicyKind> kind = NodeValidator.optional(mapping, "kind")
                    .map(this::kind)
                    .orElse(Optional.of(PolicyKind.IDENTITY));
            Optional<List<Path>> files = validator
                    .required(mapping, "files", "the policy files, relative to " + resolver.baseDirectory())
                    .flatMap(this::files);
            if (kind.isEmpty() || files.isEmpty()) {
                return Optional.empty();
            }
            List<String> names = files.get().stream().map(resolver::displayName).toList();
            return Optional.of(new PolicyGroup(id, kind.get(), files.get(), names));
        }

        private Optional<PolicyKind> kind(LocatedNode node) {
            Optional<String> kind = validator.text(node, "a policy kind");
            if (kind.isPresent() && !KINDS.containsKey(kind.get())) {
                validator.report("unsupported-kind", "unknown policy kind \"" + kind.get() + "\"; use identity (no "
                        + "Principal: identity policies, boundaries, session policies, SCPs), resource (with a "
                        + "Principal: resource policies, RCPs, VPC endpoint policies) or trust (a role's trust "
                        + "policy)", node);
                return Optional.empty();
            }
            return kind.map(KINDS::get);
        }

        private Optional<List<Path>> files(LocatedNode node) {
            Optional<List<LocatedNode>> entries = validator.list(node, "a list of policy files");
            if (entries.isEmpty()) {
                return Optional.empty();
            }
            if (entries.get().isEmpty()) {
                validator.report("empty-list", "no policy file listed; name at least one, relative to "
                        + resolver.baseDirectory(), node);
                return Optional.empty();
            }
            Set<Path> files = new LinkedHashSet<>();
            boolean valid = true;
            for (LocatedNode entry : entries.get()) {
                Optional<List<Path>> selected = validator.text(entry, "a policy file path or glob")
                        .flatMap(text -> select(text, entry));
                valid &= selected.isPresent();
                selected.ifPresent(files::addAll);
            }
            return valid ? Optional.of(List.copyOf(files)) : Optional.empty();
        }

        private Optional<List<Path>> select(String entry, LocatedNode node) {
            if (PolicyFileResolver.isGlob(entry)) {
                List<Path> matches = resolver.expand(entry);
                if (matches.isEmpty()) {
                    validator.report("glob-selects-nothing", "glob \"" + entry + "\" selects no file under "
                            + resolver.baseDirectory() + "; fix the pattern (* stays within a directory, ** spans "
                            + "directories) or add the files", node);
                    return Optional.empty();
                }
                return Optional.of(matches);
            }
            Path file = resolver.resolve(entry);
            if (!Files.isRegularFile(file)) {
                String problem = Files.isDirectory(file) ? "is a directory; name the files in it, such as "
                        + entry + "/*.json" : "does not exist; fix the path, which is relative to "
                        + resolver.baseDirectory();
                validator.report("file-not-found", "policy file " + file + " " + problem, node);
                return Optional.empty();
            }
            return Optional.of(List.of(file));
        }

        /** Reads the checks; {@code groups} is null when the policies are invalid, so ids are not checked. */
        private Optional<List<Check>> checks(
                LocatedNode node, SessionScope scope, @Nullable Map<String, PolicyGroup> groups) {
            if (!(node instanceof LocatedNode.Sequence items)) {
                validator.report("wrong-type", "expected a list of checks, each starting with \"- name: \", found "
                        + node.typeName(), node);
                return Optional.empty();
            }
            if (items.elements().isEmpty()) {
                validator.report("empty-list", "the checks list is empty, so nothing would be checked; add a check "
                        + "with a name, policies and expect", node);
                return Optional.empty();
            }
            ExpectationReader expectations = new ExpectationReader(validator, scope, today, resolver, classLoader);
            Map<String, LocatedNode> names = new HashMap<>();
            List<Check> checks = new ArrayList<>();
            boolean valid = true;
            for (LocatedNode item : items.elements()) {
                Optional<Check> check = check(item, expectations, groups, names);
                valid &= check.isPresent();
                check.ifPresent(checks::add);
            }
            return valid ? Optional.of(checks) : Optional.empty();
        }

        private Optional<Check> check(LocatedNode item, ExpectationReader expectations,
                @Nullable Map<String, PolicyGroup> groups, Map<String, LocatedNode> names) {
            Optional<Mapping> found = validator.mapping(item, "a map with name, policies and expect");
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Mapping mapping = found.get();
            validator.allowOnly(mapping, CHECK_KEYS);
            Optional<String> name = validator.required(mapping, "name", "a unique name that titles the check's "
                            + "failures")
                    .flatMap(node -> uniqueName(node, names));
            Optional<PolicyRoles> roles = roles(mapping, groups);
            boolean hasResourcePolicy = roles.map(r -> r.resourcePolicy() != null).orElse(false);
            Optional<List<String>> ids = hasResourcePolicy && NodeValidator.optional(mapping, "policies").isEmpty()
                    ? Optional.of(List.of())
                    : validator.required(mapping, "policies", "the ids of the identity policies to evaluate "
                                    + "together, such as [engineer]")
                            .flatMap(node -> policyIds(node, groups, IDENTITY_ONLY, "policies"));
            Severity checkSeverity = NodeValidator.optional(mapping, "severity")
                    .flatMap(expectations::severity)
                    .orElse(Severity.ERROR);
            Optional<List<ExpectationReader.Read>> expected = validator.required(mapping, "expect", "a list of "
                            + "allows, denies or allowsStartSession items")
                    .flatMap(node -> expectations.readAll(node, checkSeverity));
            if (name.isEmpty() || ids.isEmpty() || roles.isEmpty() || expected.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Check(name.get(), ids.get(), roles.get(),
                    expected.get().stream().map(ExpectationReader.Read::expectation).toList(),
                    expected.get().stream().map(ExpectationReader.Read::settings).toList()));
        }

        /** Reads the optional policy roles of a check; each id must name a policy of a kind that fits the role. */
        private Optional<PolicyRoles> roles(Mapping mapping, @Nullable Map<String, PolicyGroup> groups) {
            Optional<Optional<String>> resource = single(mapping, "resourcePolicy", groups, WITH_PRINCIPAL);
            Optional<Optional<String>> boundary = single(mapping, "permissionsBoundary", groups, IDENTITY_ONLY);
            Optional<Optional<String>> session = single(mapping, "sessionPolicy", groups, IDENTITY_ONLY);
            Optional<Optional<String>> endpoint = single(mapping, "vpcEndpointPolicy", groups, WITH_PRINCIPAL);
            Optional<List<List<String>>> scp = levels(mapping, "scp", groups, IDENTITY_ONLY);
            Optional<List<List<String>>> rcp = levels(mapping, "rcp", groups, Set.of(PolicyKind.RESOURCE));
            if (resource.isEmpty() || boundary.isEmpty() || session.isEmpty() || endpoint.isEmpty() || scp.isEmpty()
                    || rcp.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new PolicyRoles(resource.get().orElse(null), boundary.get().orElse(null),
                    session.get().orElse(null), scp.get(), rcp.get(), endpoint.get().orElse(null)));
        }

        /** Returns empty when invalid, else the id or an empty inner value when the key is absent. */
        private Optional<Optional<String>> single(
                Mapping mapping, String key, @Nullable Map<String, PolicyGroup> groups, Set<PolicyKind> kinds) {
            Optional<LocatedNode> node = NodeValidator.optional(mapping, key);
            if (node.isEmpty()) {
                return Optional.of(Optional.empty());
            }
            Optional<String> id = validator.text(node.get(), "a policy id");
            if (id.isEmpty() || !fits(id.get(), node.get(), groups, kinds, key)) {
                return Optional.empty();
            }
            PolicyGroup group = groups == null ? null : groups.get(id.get());
            if (group != null && !group.fromTemplate() && group.files().size() != 1) {
                validator.report("one-file-expected", key + " takes one policy file, but \"" + id.get() + "\" selects "
                        + group.files().size() + "; declare that file under an id of its own", node.get());
                return Optional.empty();
            }
            if (group != null && group.policyCount() != 1) {
                validator.report("one-policy-expected", key + " takes one policy, but \"" + id.get() + "\" selects "
                        + group.policyCount() + " policies of its template; select one with resource: <logical id>",
                        node.get());
                return Optional.empty();
            }
            return Optional.of(id);
        }

        /** Reads organization levels: a list whose items are one id or a list of ids attached at that level. */
        private Optional<List<List<String>>> levels(
                Mapping mapping, String key, @Nullable Map<String, PolicyGroup> groups, Set<PolicyKind> kinds) {
            Optional<LocatedNode> node = NodeValidator.optional(mapping, key);
            if (node.isEmpty()) {
                return Optional.of(List.of());
            }
            Optional<List<LocatedNode>> items = validator.list(node.get(), "a list of levels from the organization "
                    + "root down, each a policy id or a list of ids");
            if (items.isEmpty()) {
                return Optional.empty();
            }
            List<List<String>> levels = new ArrayList<>();
            boolean valid = true;
            for (LocatedNode item : items.get()) {
                Optional<List<String>> level = policyIds(item, groups, kinds, key);
                valid &= level.isPresent();
                level.ifPresent(levels::add);
            }
            return valid ? Optional.of(levels) : Optional.empty();
        }

        private boolean fits(String id, LocatedNode node, @Nullable Map<String, PolicyGroup> groups,
                Set<PolicyKind> kinds, String role) {
            if (groups == null) {
                return true;
            }
            PolicyGroup group = groups.get(id);
            if (group == null) {
                validator.report("unknown-policy-id", "unknown policy id \"" + id + "\"; declare it under policies or "
                        + "use a declared id" + declaredIds(groups.keySet()), node);
                return false;
            }
            if (!kinds.contains(group.kind())) {
                validator.report("wrong-policy-kind", "policy \"" + id + "\" is a " + group.kind().displayName()
                        + " and cannot serve as " + role + ", which takes a " + kinds.stream()
                                .map(PolicyKind::displayName)
                                .sorted()
                                .collect(java.util.stream.Collectors.joining(" or "))
                        + "; set its kind under policies", node);
                return false;
            }
            return true;
        }

        private Optional<String> uniqueName(LocatedNode node, Map<String, LocatedNode> names) {
            Optional<String> name = validator.text(node, "a check name");
            if (name.isEmpty()) {
                return name;
            }
            LocatedNode earlier = names.putIfAbsent(name.get(), node);
            if (earlier != null) {
                validator.report("duplicate-check-name", "duplicate check name \"" + name.get() + "\" (first at line "
                        + earlier.line() + "); reports and messages tell checks apart by name, so rename one", node);
                return Optional.empty();
            }
            return name;
        }

        private Optional<List<String>> policyIds(LocatedNode node, @Nullable Map<String, PolicyGroup> groups,
                Set<PolicyKind> kinds, String role) {
            Optional<List<String>> ids = validator.texts(node, "policy ids");
            if (ids.isEmpty()) {
                return ids;
            }
            if (ids.get().isEmpty()) {
                validator.report("no-policy-selected", "the check selects no policy; list at least one id declared "
                        + "under policies" + declaredIds(groups == null ? null : groups.keySet()), node);
                return Optional.empty();
            }
            List<LocatedNode> elements = node instanceof LocatedNode.Sequence sequence
                    ? sequence.elements() : List.of(node);
            boolean valid = true;
            for (int i = 0; i < ids.get().size(); i++) {
                valid &= fits(ids.get().get(i), elements.get(i), groups, kinds, role);
            }
            return valid ? Optional.of(List.copyOf(new LinkedHashSet<>(ids.get()))) : Optional.empty();
        }

        private static String declaredIds(@Nullable Set<String> declared) {
            return declared == null || declared.isEmpty() ? "" : " (declared: " + String.join(", ", declared) + ")";
        }
    }
}
