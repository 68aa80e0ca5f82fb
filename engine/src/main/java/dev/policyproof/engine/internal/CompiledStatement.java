package dev.policyproof.engine.internal;

import dev.policyproof.engine.ElementResult;
import dev.policyproof.engine.ElementValues;
import dev.policyproof.engine.PrincipalArn;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.StatementRef;
import dev.policyproof.engine.StatementResult;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** A statement with its patterns and conditions compiled once, evaluated against many requests. */
final class CompiledStatement {

    private final StatementRef ref;
    private final List<GlobPattern> actions;
    private final @Nullable List<PolicyValueTemplate> resources;

    /** The resource patterns without variables, split into fields once; null entries need resolving per request. */
    private final @Nullable List<@Nullable Predicate<String>> fixedResources;
    private final List<CompiledCondition> conditions;

    CompiledStatement(StatementRef ref, boolean substituteVariables) {
        this.ref = ref;
        this.actions = ref.statement().action().values().stream().map(GlobPattern::compile).toList();
        this.resources = ref.statement()
                .resource()
                .map(element -> element.values().stream()
                        .map(value -> PolicyValueTemplate.parse(value, substituteVariables))
                        .toList())
                .orElse(null);
        this.fixedResources = resources == null ? null : resources.stream()
                .map(template -> template.hasVariables()
                        ? null
                        : ArnMatcher.compile(template.resolve(key -> null, true).orElseThrow()))
                .toList();
        this.conditions = ref.statement().conditions().stream()
                .map(condition -> new CompiledCondition(condition, substituteVariables))
                .toList();
    }

    StatementResult evaluate(Request request, @Nullable PrincipalArn caller, boolean callerHasBoundary) {
        List<ElementResult> conditionResults = conditions.stream()
                .map(condition -> condition.evaluate(request.context()))
                .toList();
        return new StatementResult(
                ref, matchPrincipal(caller, callerHasBoundary), matchAction(request.action()), matchResource(request), conditionResults);
    }

    /** Returns how the statement's {@code Principal} names the caller, or empty when it does not or has none. */
    Optional<PrincipalMatcher.Grant> grant(@Nullable PrincipalArn caller) {
        return ref.statement().principal().flatMap(element -> PrincipalMatcher.grant(element, caller));
    }

    StatementRef ref() {
        return ref;
    }

    private ElementResult matchPrincipal(@Nullable PrincipalArn caller, boolean callerHasBoundary) {
        return ref.statement()
                .principal()
                .map(element -> PrincipalMatcher.evaluate(element, caller, callerHasBoundary))
                .orElseGet(() -> new ElementResult("Principal", true, "the statement has no Principal element"));
    }

    /** Actions match without regard to case (IAM User Guide, "IAM JSON policy elements: Action"). */
    private ElementResult matchAction(String action) {
        ElementValues element = ref.statement().action();
        Optional<GlobPattern> hit = actions.stream().filter(p -> p.matches(action, true)).findFirst();
        return membership(element, hit.map(GlobPattern::toString), action);
    }

    /** Resources match case-sensitively, field by field (IAM User Guide, "IAM JSON policy elements: Resource"). */
    private ElementResult matchResource(Request request) {
        Optional<ElementValues> element = ref.statement().resource();
        if (element.isEmpty() || resources == null) {
            return new ElementResult("Resource", true, "the statement has no Resource element");
        }
        Function<String, @Nullable String> lookup = request.context()::singleValue;
        String hit = null;
        for (int i = 0; i < resources.size() && hit == null; i++) {
            Predicate<String> fixed = fixedResources.get(i);
            boolean matched = fixed != null
                    ? fixed.test(request.resource())
                    : resources.get(i).resolve(lookup, true)
                            .map(pattern -> ArnMatcher.matches(pattern, request.resource()))
                            .orElse(false);
            if (matched) {
                hit = resources.get(i).toString();
            }
        }
        return membership(element.get(), Optional.ofNullable(hit), request.resource());
    }

    private static ElementResult membership(ElementValues element, Optional<String> hit, String value) {
        boolean matched = element.negated() != hit.isPresent();
        return ElementResult.deferred(element.elementName(), matched, () -> hit.isPresent()
                ? element.toJson(hit.get()) + " matches " + value
                        + (element.negated() ? ", so the statement excludes it" : "")
                : element.toJson() + " does not match " + value
                        + (element.negated() ? ", so the statement covers it" : ""));
    }
}
