package dev.policyproof.engine.check;

import dev.policyproof.engine.Request;
import dev.policyproof.engine.RequestContext;
import dev.policyproof.engine.SourceLocation;
import dev.policyproof.engine.check.LocatedNode.Entry;
import dev.policyproof.engine.check.LocatedNode.Mapping;
import dev.policyproof.engine.check.LocatedNode.Sequence;
import dev.policyproof.engine.Policy;
import dev.policyproof.engine.catalog.ActionCatalog;
import dev.policyproof.engine.PolicyParseException;
import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.proof.Scope;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.policyproof.engine.ssm.SessionDocument;
import dev.policyproof.engine.ssm.SessionScope;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns the {@code expect} list of a check into {@link Expectation}s. Each list item contains exactly one kind:
 * {@code allows}, {@code denies}, {@code allowsStartSession}, {@code grantsOnly}, {@code neverAllows},
 * {@code isNotPublic}, {@code doesNotAllowShellOn}, {@code endsOnlyOwnSessions} or {@code passesBastionRules}, which
 * yields one expectation per rule of the bastion pack. {@code allowsStartSession} yields the "some session is
 * allowed" expectation plus one expectation per {@code only*} key given. An item may also set {@code severity} and
 * {@code suppress}, which apply to every expectation the item yields. {@code java} names a class that implements
 * {@link Expectation}, such as one that a shared suite's jar contains.
 */
final class ExpectationReader {

    static final String ALLOWS = "allows";
    static final String DENIES = "denies";
    static final String ALLOWS_START_SESSION = "allowsStartSession";
    static final String GRANTS_ONLY = "grantsOnly";
    static final String NEVER_ALLOWS = "neverAllows";
    static final String IS_NOT_PUBLIC = "isNotPublic";
    static final String NO_SHELL = "doesNotAllowShellOn";
    static final String OWN_SESSIONS = "endsOnlyOwnSessions";
    static final String NO_NEW_ACCESS = "grantsNoNewAccessComparedTo";
    static final String BASTION_RULES = "passesBastionRules";
    static final String JAVA = "java";

    private static final List<String> KINDS = List.of(
            ALLOWS, DENIES, ALLOWS_START_SESSION, GRANTS_ONLY, NEVER_ALLOWS, IS_NOT_PUBLIC, NO_SHELL, OWN_SESSIONS,
            BASTION_RULES, NO_NEW_ACCESS, JAVA);
    private static final List<String> ITEM_OPTIONS = List.of("severity", "suppress");
    private static final List<String> ITEM_KEYS = Stream.concat(KINDS.stream(), ITEM_OPTIONS.stream()).toList();
    private static final List<String> SUPPRESS_KEYS = List.of("reason", "expires");
    private static final List<String> SCOPE_KEYS = List.of("actions", "resources");
    private static final List<String> REQUEST_KEYS = List.of("action", "resource", "tags", "context", "principal");
    private static final List<String> SESSION_KEYS = List.of("onlyWithDocument", "onlyForTag");
    private static final List<String> TAG_KEYS = List.of("key", "value");

    private final NodeValidator validator;
    private final SessionScope scope;
    private final LocalDate today;
    private final TemplateRulesReader templateRules;

    /** An expectation read from the checks file with its settings. */
    record Read(Expectation expectation, ExpectationSettings settings) {}

    private final PolicyFileResolver resolver;
    private final ClassLoader classLoader;

    ExpectationReader(NodeValidator validator, SessionScope scope, LocalDate today, PolicyFileResolver resolver,
            ClassLoader classLoader) {
        this.resolver = resolver;
        this.classLoader = classLoader;
        this.validator = validator;
        this.scope = scope;
        this.today = today;
        this.templateRules = new TemplateRulesReader(validator, new TemplateGroupReader(validator, resolver, scope));
    }

    /**
     * Returns the expectations of one {@code expect} list, or empty after reporting what is wrong with it. Items
     * without a severity of their own get {@code checkSeverity}.
     */
    Optional<List<Read>> readAll(LocatedNode expect, Severity checkSeverity) {
        if (!(expect instanceof Sequence sequence)) {
            validator.report("wrong-type", "expected a list of expectations, each starting with \"- \", found "
                    + expect.typeName(), expect);
            return Optional.empty();
        }
        if (sequence.elements().isEmpty()) {
            validator.report("empty-list", "the check expects nothing; add an allows, denies or "
                    + "allowsStartSession item", expect);
            return Optional.empty();
        }
        List<Read> expectations = new ArrayList<>();
        boolean valid = true;
        for (LocatedNode item : sequence.elements()) {
            Optional<List<Read>> read = readItem(item, checkSeverity);
            valid &= read.isPresent();
            read.ifPresent(expectations::addAll);
        }
        return valid ? Optional.of(expectations) : Optional.empty();
    }

    private Optional<List<Read>> readItem(LocatedNode item, Severity checkSeverity) {
        Optional<Mapping> mapping = validator.mapping(item, "a map with one of " + String.join(", ", KINDS));
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        validator.allowOnly(mapping.get(), ITEM_KEYS);
        Optional<Severity> severity = NodeValidator.optional(mapping.get(), "severity")
                .map(this::severity)
                .orElse(Optional.of(checkSeverity));
        Optional<Optional<Suppression>> suppression = NodeValidator.optional(mapping.get(), "suppress")
                .map(node -> suppression(node).map(Optional::of))
                .orElse(Optional.of(Optional.empty()));
        Optional<List<Expectation>> expectations = readKind(item, mapping.get());
        if (severity.isEmpty() || suppression.isEmpty() || expectations.isEmpty()) {
            return Optional.empty();
        }
        SourceLocation location = new SourceLocation(validator.file(), item.line(), item.column(), item.path());
        ExpectationSettings settings =
                new ExpectationSettings(severity.get(), suppression.get().orElse(null), location);
        return Optional.of(expectations.get().stream().map(expectation -> new Read(expectation, settings)).toList());
    }

    /** Reads {@code warning} or {@code error}. */
    Optional<Severity> severity(LocatedNode node) {
        Optional<String> text = validator.text(node, "a severity, warning or error");
        Optional<Severity> severity = text.flatMap(Severity::parse);
        if (text.isPresent() && severity.isEmpty()) {
            validator.report("invalid-severity", "unknown severity \"" + text.get() + "\"; use warning or error",
                    node);
        }
        return severity;
    }

    /**
     * Reads {@code {reason: ..., expires: YYYY-MM-DD}} from {@code mapping}; {@code reason} is required. An expired
     * suppression is reported, so that the build fails until someone fixes the violation or extends the date.
     */
    Optional<Suppression> suppression(Mapping mapping, List<String> otherKeys) {
        validator.allowOnly(mapping, Stream.concat(otherKeys.stream(), SUPPRESS_KEYS.stream()).toList());
        Optional<String> reason = validator.required(mapping, "reason", "why the violation is accepted, which "
                        + "reports show")
                .flatMap(node -> validator.text(node, "a reason"));
        Optional<LocatedNode> expiresNode = NodeValidator.optional(mapping, "expires");
        Optional<Optional<LocalDate>> expires = expiresNode
                .map(node -> date(node).map(Optional::of))
                .orElse(Optional.of(Optional.empty()));
        if (reason.isEmpty() || expires.isEmpty()) {
            return Optional.empty();
        }
        SourceLocation location = new SourceLocation(validator.file(), mapping.line(), mapping.column(),
                mapping.path());
        Suppression suppression = new Suppression(reason.get(), expires.get().orElse(null), location);
        if (suppression.isExpiredOn(today)) {
            validator.report("expired-suppression", "suppression (reason: " + reason.get() + ") expired on "
                    + suppression.expires() + "; fix the violation and remove the suppression, or set a later "
                    + "expires date after a review", mapping);
            return Optional.empty();
        }
        return Optional.of(suppression);
    }

    private Optional<Suppression> suppression(LocatedNode node) {
        return validator.mapping(node, "a map with reason and, optionally, expires")
                .flatMap(mapping -> suppression(mapping, List.of()));
    }

    private Optional<LocalDate> date(LocatedNode node) {
        Optional<String> text = validator.text(node, "a date such as 2027-01-31");
        try {
            return text.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            validator.report("invalid-date", "invalid date \"" + text.get() + "\"; write it as YYYY-MM-DD, such as "
                    + "2027-01-31", node);
            return Optional.empty();
        }
    }

    private Optional<List<Expectation>> readKind(LocatedNode item, Mapping mapping) {
        List<Entry> kinds = mapping.entries().values().stream()
                .filter(entry -> KINDS.contains(entry.key()))
                .toList();
        if (kinds.size() != 1) {
            validator.report("one-expectation-per-item", "found " + kinds.size() + " expectation kinds in one "
                    + "item; write exactly one of " + String.join(", ", KINDS) + " per \"- \" item", item);
            return Optional.empty();
        }
        Entry kind = kinds.get(0);
        return switch (kind.key()) {
            case ALLOWS -> readRequest(kind.value()).map(request -> List.of(Expectations.allows(request)));
            case DENIES -> readRequest(kind.value()).map(request -> List.of(Expectations.denies(request)));
            case GRANTS_ONLY -> readScopes(kind.value()).map(scopes -> List.of(Expectations.grantsOnly(scopes)));
            case NEVER_ALLOWS -> readScope(kind.value()).map(scope -> List.of(Expectations.neverAllows(scope)));
            case IS_NOT_PUBLIC -> flag(kind.value(), IS_NOT_PUBLIC)
                    .map(on -> List.of(Expectations.isNotPublic(scope.account())));
            case NO_SHELL -> validator.text(kind.value(), "an instance ARN or pattern, such as "
                            + "arn:aws:ec2:*:*:instance/*")
                    .map(target -> List.of(Expectations.doesNotAllowShellOn(scope, target)));
            case OWN_SESSIONS -> flag(kind.value(), OWN_SESSIONS)
                    .map(on -> List.of(Expectations.endsOnlyOwnSessions(scope)));
            case BASTION_RULES -> templateRules.read(kind.value());
            case NO_NEW_ACCESS -> readBaseline(kind.value())
                    .map(baseline -> List.of(Expectations.grantsNoNewAccessComparedTo(baseline)));
            case JAVA -> readJava(kind.value()).map(List::of);
            default -> readSession(kind.value());
        };
    }

    /**
     * Instantiates the {@link Expectation} class named by {@code node} through its public constructor without
     * parameters. Each way that can fail is reported with the fix, so a suite's missing jar never skips a check.
     */
    private Optional<Expectation> readJava(LocatedNode node) {
        Optional<String> name = validator.text(node, "the binary name of a class that implements "
                + Expectation.class.getName());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Class<?> type;
        try {
            type = Class.forName(name.get(), false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            validator.report("class-not-found", "class " + name.get() + " not found; add the jar that contains it as "
                    + "a <dependency> of the policyproof plugin, or fix the class name", node);
            return Optional.empty();
        }
        if (!Expectation.class.isAssignableFrom(type)) {
            validator.report("not-an-expectation", "class " + name.get() + " does not implement "
                    + Expectation.class.getName() + "; name a class that does", node);
            return Optional.empty();
        }
        try {
            return Optional.of((Expectation) type.getConstructor().newInstance());
        } catch (NoSuchMethodException e) {
            validator.report("missing-constructor", "class " + name.get() + " has no public constructor without "
                    + "parameters; add one, because the checks file cannot pass arguments", node);
        } catch (InvocationTargetException e) {
            validator.report("constructor-failed", "the constructor of " + name.get() + " threw "
                    + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage()
                    + "; fix the class, or the setting that its constructor reads", node);
        } catch (ReflectiveOperationException | RuntimeException e) {
            validator.report("class-not-instantiable", "cannot create an instance of " + name.get() + " ("
                    + e.getClass().getSimpleName() + "); make the class public, concrete and static", node);
        }
        return Optional.empty();
    }

    /** Accepts an expectation that takes no settings: no value, {@code {}} or {@code true}; anything else is an error. */
    private Optional<Boolean> flag(LocatedNode node, String kind) {
        boolean empty = node instanceof LocatedNode.Null
                || (node instanceof Mapping mapping && mapping.entries().isEmpty())
                || (node instanceof LocatedNode.Scalar scalar && scalar.text().equals("true"));
        if (!empty) {
            validator.report("unexpected-value", kind + " takes no settings; write \"- " + kind + ": {}\"", node);
            return Optional.empty();
        }
        return Optional.of(true);
    }

    /**
     * Reads {@code {files: [...]}}, the identity policies a grantsNoNewAccessComparedTo check compares with, such as
     * the deployed version of a policy; they are parsed here, so a broken baseline is a checks-file error.
     */
    private Optional<PolicySet> readBaseline(LocatedNode node) {
        Optional<Mapping> found = validator.mapping(node, "a map with files, such as {files: [iam/deployed.json]}");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        validator.allowOnly(found.get(), List.of("files"));
        Optional<List<String>> entries = validator.required(found.get(), "files", "the baseline policy files")
                .flatMap(value -> validator.texts(value, "policy file paths"));
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        List<Policy> baseline = new ArrayList<>();
        for (String entry : entries.get()) {
            Path file = resolver.resolve(entry);
            if (!Files.isRegularFile(file)) {
                validator.report("file-not-found", "baseline policy file " + file + " does not exist; fix the "
                        + "path, which is relative to " + resolver.baseDirectory(), node);
                return Optional.empty();
            }
            try {
                baseline.add(PolicyParser.identity().parse(resolver.displayName(file), Files.readString(file)));
            } catch (PolicyParseException e) {
                validator.report("invalid-policy", e.getMessage(), node);
                return Optional.empty();
            } catch (java.io.IOException e) {
                validator.report("unreadable-file", "cannot read baseline policy file " + file + ": " + e, node);
                return Optional.empty();
            }
        }
        if (baseline.isEmpty()) {
            validator.report("empty-list", "name at least one baseline policy file", node);
            return Optional.empty();
        }
        return Optional.of(PolicySet.named(String.join(" + ", entries.get()), baseline));
    }

    /** Reads a list of {actions, resources} maps, the requests a grantsOnly check permits. */
    private Optional<List<Scope>> readScopes(LocatedNode node) {
        Optional<List<LocatedNode>> items = validator.list(node, "a list of {actions: [...], resources: [...]} maps");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            validator.report("empty-list", "grantsOnly permits nothing; list the requests the policies may allow",
                    node);
            return Optional.empty();
        }
        List<Scope> scopes = new ArrayList<>();
        boolean valid = true;
        for (LocatedNode item : items.get()) {
            Optional<Scope> read = readScope(item);
            valid &= read.isPresent();
            read.ifPresent(scopes::add);
        }
        return valid ? Optional.of(scopes) : Optional.empty();
    }

    /** Reports an action the catalogue does not list, so that a typo cannot make a check pass. */
    private boolean knownAction(String action, LocatedNode node) {
        if (action.indexOf('*') >= 0 || action.indexOf('?') >= 0 || ActionCatalog.bundled().action(action).isPresent()) {
            return true;
        }
        validator.report("unknown-action", "unknown action \"" + action + "\": the action catalogue does not list it; "
                + "check the spelling, as in ssm:SendCommand", node);
        return false;
    }

    /** Reads {actions: [...], resources: [...]}; without resources, any resource. */
    private Optional<Scope> readScope(LocatedNode node) {
        Optional<Mapping> found = validator.mapping(node, "a map with actions and, optionally, resources");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Mapping mapping = found.get();
        validator.allowOnly(mapping, SCOPE_KEYS);
        Optional<List<String>> actions = validator.required(mapping, "actions", "action patterns, such as "
                        + "[ssm:StartSession]")
                .flatMap(value -> validator.texts(value, "action patterns"));
        Optional<List<String>> resources = NodeValidator.optional(mapping, "resources")
                .map(value -> validator.texts(value, "resource ARNs or patterns"))
                .orElse(Optional.of(List.of()));
        if (actions.isEmpty() || resources.isEmpty()) {
            return Optional.empty();
        }
        boolean valid = true;
        for (String pattern : actions.get()) {
            if (ActionCatalog.bundled().indexesMatching(pattern).isEmpty()) {
                validator.report("unknown-action", "action pattern \"" + pattern + "\" matches no action of the "
                        + "catalogue; check the spelling, as in ssm:SendCommand or s3:Get*", node);
                valid = false;
            }
        }
        for (String pattern : resources.get()) {
            if (!pattern.equals("*") && pattern.chars().filter(c -> c == ':').count() < 5) {
                validator.report("invalid-resource", "resource \"" + pattern + "\" is not \"*\" or an ARN with six "
                        + "colon-separated fields, such as arn:aws:s3:::bucket/*", node);
                valid = false;
            }
        }
        if (!valid) {
            return Optional.empty();
        }
        return Optional.of(Scope.all().withAccount(scope.account()).withActions(actions.get())
                .withResources(resources.get()));
    }

    private Optional<Request> readRequest(LocatedNode node) {
        Optional<Mapping> found = validator.mapping(node, "a map with action and resource");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Mapping mapping = found.get();
        validator.allowOnly(mapping, REQUEST_KEYS);
        Optional<String> action = validator.required(mapping, "action", "the IAM action, such as ssm:StartSession")
                .flatMap(value -> validator.text(value, "an IAM action, such as ssm:StartSession"));
        Optional<String> resource = validator.required(mapping, "resource", "the resource ARN, such as "
                        + "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0")
                .flatMap(value -> validator.text(value, "a resource ARN"));
        Optional<LocatedNode> tags = NodeValidator.optional(mapping, "tags");
        Optional<LocatedNode> context = NodeValidator.optional(mapping, "context");
        Optional<LocatedNode> principal = NodeValidator.optional(mapping, "principal");

        Request.Builder request = Request.builder();
        boolean valid = action.isPresent() & resource.isPresent();
        valid &= tags.map(value -> readTags(value, request)).orElse(true);
        valid &= context.map(value -> readContext(value, request)).orElse(true);
        Optional<String> principalArn = principal.flatMap(value -> validator.text(value, "a principal ARN"));
        valid &= principal.isEmpty() || principalArn.isPresent();
        if (!valid) {
            return Optional.empty();
        }
        principalArn.ifPresent(request::principal);
        LocatedNode actionNode = NodeValidator.optional(mapping, "action").orElseThrow();
        if (!knownAction(action.get(), actionNode)) {
            return Optional.empty();
        }
        try {
            return Optional.of(request.action(action.get()).resource(resource.get()).build());
        } catch (IllegalArgumentException e) {
            validator.report("invalid-request", e.getMessage(), node);
            return Optional.empty();
        }
    }

    private boolean readTags(LocatedNode node, Request.Builder request) {
        Optional<Mapping> mapping = validator.mapping(node, "a map of tag keys to values, such as {Name: bastion}");
        if (mapping.isEmpty()) {
            return false;
        }
        boolean valid = true;
        for (Entry tag : mapping.get().entries().values()) {
            Optional<String> value = validator.text(tag.value(), "the value of tag " + tag.key());
            valid &= value.isPresent();
            value.ifPresent(text -> request.resourceTag(tag.key(), text));
        }
        return valid;
    }

    /** Reads condition keys: a scalar sets a single-valued key and a list a multivalued one. */
    private boolean readContext(LocatedNode node, Request.Builder request) {
        Optional<Mapping> mapping = validator.mapping(node, "a map of condition keys to values");
        if (mapping.isEmpty()) {
            return false;
        }
        RequestContext.Builder context = RequestContext.builder();
        boolean valid = true;
        for (Entry key : mapping.get().entries().values()) {
            if (key.value() instanceof Sequence) {
                Optional<List<String>> values = validator.texts(key.value(), "values of " + key.key());
                valid &= values.isPresent();
                values.ifPresent(list -> context.putAll(key.key(), list));
            } else {
                Optional<String> value = validator.text(key.value(), "the value of " + key.key()
                        + ", or a list of values for a multivalued key");
                valid &= value.isPresent();
                value.ifPresent(text -> context.put(key.key(), text));
            }
        }
        RequestContext built = context.build();
        for (String problem : dev.policyproof.engine.catalog.ContextValueCheck.problems(built)) {
            validator.report("invalid-context-value", problem, node);
            valid = false;
        }
        request.context(built);
        return valid;
    }

    private Optional<List<Expectation>> readSession(LocatedNode node) {
        if (node instanceof LocatedNode.Null) {
            return Optional.of(List.of(Expectations.allowsStartSession(scope)));
        }
        Optional<Mapping> found = validator.mapping(node, "a map with onlyWithDocument or onlyForTag, or {}");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Mapping mapping = found.get();
        validator.allowOnly(mapping, SESSION_KEYS);
        List<Expectation> expectations = new ArrayList<>();
        expectations.add(Expectations.allowsStartSession(scope));
        boolean valid = true;

        Optional<LocatedNode> documents = NodeValidator.optional(mapping, "onlyWithDocument");
        if (documents.isPresent()) {
            Optional<List<String>> names = validator.texts(documents.get(), "session document names, such as "
                    + SessionDocument.PORT_FORWARD.name());
            if (names.isPresent() && names.get().isEmpty()) {
                validator.report("empty-list", "name at least one session document, or remove onlyWithDocument",
                        documents.get());
                names = Optional.empty();
            }
            valid &= names.isPresent();
            names.ifPresent(list -> expectations.add(Expectations.startSessionOnlyWithDocuments(
                    scope, list.stream().map(SessionDocument::named).toList())));
        }
        Optional<LocatedNode> tag = NodeValidator.optional(mapping, "onlyForTag");
        if (tag.isPresent()) {
            Optional<Expectation> onlyForTag = readTagRule(tag.get());
            valid &= onlyForTag.isPresent();
            onlyForTag.ifPresent(expectations::add);
        }
        return valid ? Optional.of(expectations) : Optional.empty();
    }

    private Optional<Expectation> readTagRule(LocatedNode node) {
        Optional<Mapping> found = validator.mapping(node, "a map such as {key: Name, value: bastion}");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Mapping mapping = found.get();
        validator.allowOnly(mapping, TAG_KEYS);
        Optional<String> key = validator.required(mapping, "key", "the tag key, such as Name")
                .flatMap(value -> validator.text(value, "a tag key"));
        Optional<String> value = validator.required(mapping, "value", "the tag value the target must have")
                .flatMap(text -> validator.text(text, "a tag value"));
        if (key.isEmpty() || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Expectations.startSessionOnlyForTag(scope, key.get(), value.get()));
    }
}
