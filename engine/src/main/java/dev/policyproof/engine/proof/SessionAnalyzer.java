package dev.policyproof.engine.proof;

import dev.policyproof.engine.Policy;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.PrincipalArn;
import dev.policyproof.engine.RequestContext;
import dev.policyproof.engine.ssm.SessionAuthorizer;
import dev.policyproof.engine.ssm.SessionDocument;
import dev.policyproof.engine.ssm.SessionScope;
import dev.policyproof.engine.ssm.SessionTarget;
import dev.policyproof.engine.ssm.StartSessionRequest;
import dev.policyproof.engine.ssm.StartSessionResult;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides questions over every {@code ssm:StartSession} call: every target, every document and every caller context,
 * with the call authorized as {@link SessionAuthorizer} does. The target is evaluated with its tags and without the
 * document check key; a named document with the caller's keys and no tags; and a call that names no document runs the
 * default shell, granted implicitly when the target is also allowed with the check key {@code "false"}, else through
 * the default shell's document in the target's account. The evaluations share the caller's keys, so the analyzer
 * combines their regions only where those keys agree.
 *
 * <p>NOTE: documents are taken to carry no tags, and Regions and accounts that no policy names are represented by the
 * scope's, so a policy that distinguishes unnamed Regions with {@code ?} wildcards could differ.
 */
public final class SessionAnalyzer {

    private static final String ACTION = StartSessionRequest.ACTION;
    private static final String CHECK_KEY = SessionAuthorizer.DOCUMENT_ACCESS_CHECK_KEY.toLowerCase(Locale.ROOT);
    private static final StringSet TARGETS = StringSet.arnPattern("arn:*:ec2:*:*:instance/*")
            .or(StringSet.arnPattern("arn:*:ssm:*:*:managed-instance/*"));
    private static final StringSet DOCUMENTS = StringSet.arnPattern("arn:*:ssm:*:*:document/*");

    private final PolicySet policies;
    private final ActionSpace actions;
    private final SessionScope scope;
    private final @Nullable String principal;
    private final RequestContext fixed;
    private final StringSet targetArns;

    private SessionAnalyzer(
            PolicySet policies, ActionSpace actions, SessionScope scope, @Nullable String principal,
            RequestContext fixed, StringSet targetArns) {
        this.policies = policies;
        this.actions = actions;
        this.scope = scope;
        this.principal = principal;
        this.fixed = fixed;
        this.targetArns = targetArns;
    }

    /** Returns an analyzer over every caller context, for a caller of the scope's account. */
    public static SessionAnalyzer of(PolicySet policies, SessionScope scope) {
        return new SessionAnalyzer(policies, ActionSpace.bundled(), scope, null, RequestContext.empty(), TARGETS);
    }

    /**
     * Returns an analyzer for a given caller: the keys of {@code fixed} keep their values in every call, and every
     * other key ranges freely. A null principal means a user of the scope's account.
     */
    public static SessionAnalyzer of(
            PolicySet policies, SessionScope scope, @Nullable String principal, RequestContext fixed) {
        return new SessionAnalyzer(policies, ActionSpace.bundled(), scope, principal, fixed, TARGETS);
    }

    /** Returns this analyzer limited to the targets an instance ARN or pattern matches. */
    public SessionAnalyzer onTargets(String targetPattern) {
        return new SessionAnalyzer(policies, actions, scope, principal, fixed,
                TARGETS.and(StringSet.arnPattern(targetPattern)));
    }

    /** The answer about sessions: a counterexample call with its authorization, or none, or unknown. */
    public record SessionAnswer(
            Answer.Status status, @Nullable StartSessionResult counterexample, List<Unknown> unknowns) {

        public SessionAnswer {
            unknowns = List.copyOf(unknowns);
        }
    }

    /** Returns whether any session is allowed at all, with one allowed call. */
    public SessionAnswer findAnySession() {
        return find(StringSet.any(), null);
    }

    /**
     * Returns whether a session is allowed whose document, or the default shell for a call that names none, is not
     * one of {@code documents}.
     */
    public SessionAnswer findSessionOutside(List<SessionDocument> documents) {
        StringSet permitted = StringSet.none();
        for (SessionDocument document : documents) {
            permitted = permitted.or(documentArns(document));
        }
        return find(permitted.not(), null);
    }

    /** Returns whether a session is allowed on a target without tag {@code key} set to exactly {@code value}. */
    public SessionAnswer findSessionWithoutTag(String key, String value) {
        return find(StringSet.any(), new String[] {key, value});
    }

    private SessionAnswer find(StringSet effectiveDocuments, String @Nullable [] missingTag) {
        try {
            return findExactly(effectiveDocuments, missingTag);
        } catch (TooComplexException e) {
            dev.policyproof.engine.SourceLocation at = policies.identityPolicies().isEmpty()
                    ? dev.policyproof.engine.SourceLocation.generated(policies.name(), "")
                    : policies.identityPolicies().get(0).location();
            return new SessionAnswer(Answer.Status.UNKNOWN, null, List.of(new Unknown(e.getMessage(), at)));
        }
    }

    private SessionAnswer findExactly(StringSet effectiveDocuments, String @Nullable [] missingTag) {
        Analysis lower = new Analysis(Bound.LOWER);
        Optional<StartSessionRequest> found = lower.search(effectiveDocuments, missingTag);
        if (found.isPresent()) {
            StartSessionResult result = new SessionAuthorizer(policies).authorize(found.get());
            if (!result.isAllowed()) {
                throw new IllegalStateException("the prover's session " + found.get() + " is not allowed ("
                        + result.decision() + "); this is a bug in policyproof");
            }
            return new SessionAnswer(Answer.Status.FOUND, result, List.of());
        }
        if (lower.exact()) {
            return new SessionAnswer(Answer.Status.NONE, null, List.of());
        }
        Analysis upper = new Analysis(Bound.UPPER);
        if (upper.search(effectiveDocuments, missingTag).isEmpty()) {
            return new SessionAnswer(Answer.Status.NONE, null, List.of());
        }
        return new SessionAnswer(Answer.Status.UNKNOWN, null, upper.unknowns());
    }

    /** One bound's regions of target, implicit-shell and document evaluations. */
    private final class Analysis {
        private final Universe universe;
        private final SymbolicEvaluator evaluator;
        private final List<String> tagKeys;
        private final Region targets;
        private final Region implicitShell;
        private final Region documents;

        Analysis(Bound bound) {
            List<Policy> all = policies.allPolicies();
            Set<String> literals = new LinkedHashSet<>(List.of(ACTION));
            this.universe = new Universe(actions.withLiterals(literals), principals(all), all, true);
            this.evaluator = new SymbolicEvaluator(universe, null);
            this.tagKeys = universe.sessionTagKeys();
            BitSet startSession = universe.actions().matching(ACTION);
            Cube calls = fixedKeys(universe.everything().withActions(startSession));
            Cube checkAbsent = calls.withKey(CHECK_KEY, new KeyConstraint.Single(true, StringSet.none()));
            Cube checkOff = calls.withKey(CHECK_KEY, new KeyConstraint.Single(false, StringSet.literal("false")));
            Cube untagged = checkAbsent.withResources(DOCUMENTS);
            for (String tag : tagKeys) {
                untagged = untagged.withKey(tag, new KeyConstraint.Single(true, StringSet.none()));
            }
            this.targets = evaluator.allowed(policies, checkAbsent.withResources(targetArns), bound);
            this.implicitShell = evaluator.allowed(policies, checkOff.withResources(targetArns), bound);
            this.documents = evaluator.allowed(policies, untagged, bound);
        }

        boolean exact() {
            return evaluator.regions(policies).stream().allMatch(StatementRegion::exact);
        }

        List<Unknown> unknowns() {
            List<Unknown> unknowns = new ArrayList<>();
            evaluator.regions(policies).forEach(region -> unknowns.addAll(region.unknowns()));
            return unknowns;
        }

        /** Searches the three ways a call can be allowed, in the order messages are most useful. */
        Optional<StartSessionRequest> search(StringSet effectiveDocuments, String @Nullable [] missingTag) {
            for (Cube target : targets.cubes()) {
                Cube constrained = missingTag == null ? target : withoutTag(target, missingTag);
                if (constrained.isEmpty()) {
                    continue;
                }
                Optional<StartSessionRequest> implicit = implicitShell(constrained, effectiveDocuments);
                if (implicit.isPresent()) {
                    return implicit;
                }
                Optional<StartSessionRequest> named = namedDocument(constrained, effectiveDocuments);
                if (named.isPresent()) {
                    return named;
                }
            }
            return Optional.empty();
        }

        /** Finds a call that names no document and gets the default shell without a document check. */
        private Optional<StartSessionRequest> implicitShell(Cube target, StringSet effectiveDocuments) {
            for (Cube shell : implicitShell.cubes()) {
                Cube both = shareCaller(target, shell, true);
                if (both.isEmpty()) {
                    continue;
                }
                Optional<StartSessionRequest> call = call(both, null);
                if (call.isPresent()
                        && effectiveDocuments.contains(call.get().defaultShellArn())) {
                    return call;
                }
            }
            return Optional.empty();
        }

        /** Finds a call that names a document, or that names none and runs the default shell's document. */
        private Optional<StartSessionRequest> namedDocument(Cube target, StringSet effectiveDocuments) {
            for (Cube document : documents.cubes()) {
                Cube caller = shareCaller(target, document, false);
                if (caller.isEmpty()) {
                    continue;
                }
                StringSet wanted = document.resources().and(effectiveDocuments);
                if (wanted.isEmpty()) {
                    continue;
                }
                Optional<StartSessionRequest> call = call(caller, wanted);
                if (call.isPresent() && wanted.contains(call.get().defaultShellArn())) {
                    // The default shell's document is allowed, so a call that names no document gets a shell too.
                    StartSessionRequest unnamed = call.get();
                    return Optional.of(new StartSessionRequest(
                            unnamed.target(), null, unnamed.principal(), unnamed.context()));
                }
                if (call.isPresent()) {
                    return call;
                }
            }
            return Optional.empty();
        }

        /**
         * Returns the target cube with the caller's keys intersected with {@code other}'s: tags stay the target's,
         * and the check key is dropped from both because each evaluation sets it its own way.
         */
        private Cube shareCaller(Cube target, Cube other, boolean sameTarget) {
            BitSet principals = target.principals();
            principals.and(other.principals());
            Cube shared = target.withPrincipals(principals);
            if (sameTarget) {
                shared = shared.withResources(target.resources().and(other.resources()));
            }
            Map<String, KeyConstraint> keys = new LinkedHashMap<>(shared.keys());
            keys.remove(CHECK_KEY);
            other.keys().forEach((key, constraint) -> {
                if (!key.equals(CHECK_KEY) && (sameTarget || !tagKeys.contains(key))) {
                    keys.merge(key, constraint, KeyConstraint::and);
                }
            });
            return new Cube(shared.actions(), shared.resources(), shared.principals(), keys);
        }

        private final List<String> preferredTagValues = new ArrayList<>();

        private Cube withoutTag(Cube target, String[] tag) {
            if (preferredTagValues.isEmpty()) {
                preferredTagValues.addAll(List.of(tag[1], tag[1].toUpperCase(Locale.ROOT), tag[1] + "-2",
                        "other-" + tag[1], ""));
            }
            String key = universe.canonical(("ssm:resourceTag/" + tag[0]).toLowerCase(Locale.ROOT));
            return target.withKey(key, new KeyConstraint.Single(true, StringSet.literal(tag[1]).not()));
        }

        /**
         * Builds a call from a target cube with the caller's keys, and a document set: null for a call that names
         * no document. Returns empty when the default shell of the chosen target is not in the document set.
         */
        private Optional<StartSessionRequest> call(Cube caller, @Nullable StringSet documentArns) {
            PrincipalArn principal = universe.principals().get(caller.principals().nextSetBit(0));
            String usual = "arn:aws:ec2:" + scope.region() + ":" + scope.account() + ":instance/i-0123456789abcdef0";
            String targetArn = caller.resources().contains(usual)
                    ? usual
                    : caller.resources().witnessLike(StringSet.arnPattern(
                            "arn:aws:ec2:" + scope.region() + ":" + scope.account() + ":instance/i-?*"));
            SessionTarget target = new SessionTarget(targetArn, tags(caller));
            RequestContext context = context(caller);
            String document = documentArns == null ? null : document(documentArns, target);
            return Optional.of(new StartSessionRequest(target, document, principal.identifier(), context));
        }

        /**
         * Picks a document from {@code documentArns}, preferring the documents people actually use: the AWS-owned
         * session documents, then the default shell, then a document in the target's account.
         */
        private String document(StringSet documentArns, SessionTarget target) {
            List<String> known = new ArrayList<>();
            for (SessionDocument document : SessionDocument.AWS_SESSION_DOCUMENTS) {
                known.add(document.arn(target.partition(), target.region(), target.account()));
            }
            known.add(SessionDocument.DEFAULT_SHELL.arn(target.partition(), target.region(), target.account()));
            for (String arn : known) {
                if (documentArns.contains(arn)) {
                    return arn;
                }
            }
            StringSet inAccount = StringSet.arnPattern(
                    "arn:aws:ssm:" + target.region() + ":" + target.account() + ":document/?*");
            return documentArns.witnessLike(inAccount);
        }

        private Map<String, String> tags(Cube cube) {
            Map<String, String> tags = new LinkedHashMap<>();
            for (String key : tagKeys) {
                KeyConstraint constraint = cube.keys().get(key);
                String value = constraint == null ? null : tagValue(constraint);
                if (value != null) {
                    String spelled = universe.spelling(key);
                    tags.put(spelled.substring(spelled.indexOf('/') + 1), value);
                }
            }
            return tags;
        }

        /** Picks a tag value, preferring near misses of the values the policies test, such as another case. */
        private @Nullable String tagValue(KeyConstraint constraint) {
            List<String> witness = constraint.witness();
            if (witness == null || witness.isEmpty()) {
                return null;
            }
            if (constraint instanceof KeyConstraint.Single single && single.present() instanceof StringSet values) {
                for (String preferred : preferredTagValues) {
                    if (values.contains(preferred)) {
                        return preferred;
                    }
                }
            }
            return witness.get(0);
        }

        private RequestContext context(Cube cube) {
            RequestContext.Builder context = RequestContext.builder();
            cube.keys().forEach((key, constraint) -> {
                if (tagKeys.contains(key) || key.equals(CHECK_KEY)) {
                    return;
                }
                List<String> values = constraint.witness();
                if (values == null) {
                    return;
                }
                if (constraint.multivalued()) {
                    context.putAll(universe.spelling(key), values);
                } else {
                    context.put(universe.spelling(key), values.get(0));
                }
            });
            return context.build();
        }

        /** Returns the caller: the given principal, else a user of the scope's account. */
        private List<PrincipalArn> principals(List<Policy> all) {
            return List.of(PrincipalArn.parse(principal != null
                    ? principal
                    : "arn:" + scope.partition() + ":iam::" + scope.account() + ":user/policyproof-caller"));
        }

        /** Pins the keys the caller sets to their values. */
        private Cube fixedKeys(Cube calls) {
            Cube pinned = calls;
            for (dev.policyproof.engine.ContextValue value : fixed.values()) {
                String key = universe.canonical(value.key().toLowerCase(Locale.ROOT));
                KeyFamily family = universe.family(key);
                KeyConstraint constraint;
                if (value.multivalued()) {
                    ValueSet all = family.empty();
                    List<ValueSet> each = new ArrayList<>();
                    for (String member : value.values()) {
                        ValueSet one = exactly(family, member);
                        all = all.or(one);
                        each.add(one);
                    }
                    constraint = new KeyConstraint.Multi(false, all, each);
                } else {
                    constraint = universe.isMultivalued(key)
                            ? new KeyConstraint.Multi(false, exactly(family, value.values().get(0)),
                                    List.of(exactly(family, value.values().get(0))))
                            : new KeyConstraint.Single(false, exactly(family, value.values().get(0)));
                }
                pinned = pinned.withKey(key, constraint);
            }
            return pinned;
        }
    }

    /** Returns the set holding exactly the request value {@code text}, in the key's value family. */
    private static ValueSet exactly(KeyFamily family, String text) {
        return switch (family) {
            case STRING -> StringSet.literal(text);
            case NUMBER -> {
                java.math.BigDecimal number = OrderedSet.NUMBERS.parse(text);
                yield number == null
                        ? OrderedSet.unparseableOnly(OrderedSet.NUMBERS)
                        : OrderedSet.of(OrderedSet.NUMBERS, new OrderedSet.Interval<>(number, true, number, true));
            }
            case DATE -> {
                java.time.Instant instant = OrderedSet.DATES.parse(text);
                yield instant == null
                        ? OrderedSet.unparseableOnly(OrderedSet.DATES)
                        : OrderedSet.of(OrderedSet.DATES, new OrderedSet.Interval<>(instant, true, instant, true));
            }
            case IP -> text.contains("/") || dev.policyproof.engine.internal.IpRange.tryParse(text) == null
                    ? IpSet.unparseableOnly()
                    : IpSet.cidr(text);
        };
    }

    /** Returns the ARNs a document can have: AWS-owned ones have an empty account field, others a non-empty one. */
    private static StringSet documentArns(SessionDocument document) {
        String account = document.owner() == SessionDocument.Owner.AWS ? "" : "?*";
        return StringSet.arnPattern("arn:*:ssm:*:" + account + ":document/" + document.name());
    }
}
