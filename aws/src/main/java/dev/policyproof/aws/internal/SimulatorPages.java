package dev.policyproof.aws.internal;

import dev.policyproof.engine.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;
import software.amazon.awssdk.services.iam.model.Statement;

/**
 * Collects the simulator's results for one call shape over all pages and chunks, keyed by action and resource. A
 * result with {@code ResourceSpecificResults} gives each resource its own decision; otherwise the result's own
 * resource name and decision apply.
 */
public final class SimulatorPages {

    /** The page limit, which stops a service that keeps returning {@code IsTruncated} from looping forever. */
    private static final int MAX_PAGES = 10_000;

    /** One page of a simulator response. */
    public record Page(List<EvaluationResult> results, boolean truncated, @Nullable String marker) {}

    /** Calls the simulator for one chunk and page. */
    @FunctionalInterface
    public interface PageCall {
        Page call(List<String> actions, List<String> resources, @Nullable String marker);
    }

    /** The simulator's result for one action on one resource. */
    public record Outcome(Decision decision, List<Statement> matchedStatements, List<String> missingContextValues) {}

    /** Identifies a result: the action without regard to case, as IAM compares actions, and the exact resource. */
    public record Key(String action, String resource) {
        public Key {
            action = action.toLowerCase(Locale.ROOT);
        }
    }

    private SimulatorPages() {}

    /**
     * Calls {@code call} for every chunk of at most {@code actionsPerCall} actions and {@code resourcesPerCall}
     * resources, following markers until no page is truncated.
     */
    public static Map<Key, Outcome> collect(String operation, List<String> actions, List<String> resources,
            int actionsPerCall, int resourcesPerCall, PageCall call) {
        Map<Key, Outcome> outcomes = new LinkedHashMap<>();
        for (List<String> actionChunk : chunks(actions, actionsPerCall)) {
            for (List<String> resourceChunk : chunks(resources, resourcesPerCall)) {
                collectPages(operation, actionChunk, resourceChunk, call, outcomes);
            }
        }
        return outcomes;
    }

    private static void collectPages(String operation, List<String> actions, List<String> resources, PageCall call,
            Map<Key, Outcome> outcomes) {
        String marker = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            Page page = call.call(actions, resources, marker);
            page.results().forEach(result -> add(operation, result, outcomes));
            if (!page.truncated()) {
                return;
            }
            if (page.marker() == null || page.marker().isEmpty() || Objects.equals(page.marker(), marker)) {
                throw ErrorTranslator.malformed(operation, "IsTruncated is true but the response has no new Marker");
            }
            marker = page.marker();
        }
        throw ErrorTranslator.malformed(operation, "still truncated after " + MAX_PAGES + " pages");
    }

    private static void add(String operation, EvaluationResult result, Map<Key, Outcome> outcomes) {
        String action = require(operation, result.evalActionName(), "EvalActionName");
        if (!result.resourceSpecificResults().isEmpty()) {
            for (ResourceSpecificResult specific : result.resourceSpecificResults()) {
                String resource = require(operation, specific.evalResourceName(), "EvalResourceName");
                Decision decision = decision(operation, specific.evalResourceDecisionAsString());
                outcomes.put(new Key(action, resource),
                        new Outcome(decision, specific.matchedStatements(), specific.missingContextValues()));
            }
            return;
        }
        String resource = require(operation, result.evalResourceName(), "EvalResourceName");
        Decision decision = decision(operation, result.evalDecisionAsString());
        outcomes.put(new Key(action, resource),
                new Outcome(decision, result.matchedStatements(), result.missingContextValues()));
    }

    /** Maps the simulator's decision names; any other value is a response this code cannot trust. */
    static Decision decision(String operation, @Nullable String value) {
        if (value == null) {
            throw ErrorTranslator.malformed(operation, "a result has no EvalDecision");
        }
        return switch (value) {
            case "allowed" -> Decision.ALLOW;
            case "explicitDeny" -> Decision.EXPLICIT_DENY;
            case "implicitDeny" -> Decision.IMPLICIT_DENY;
            default -> throw ErrorTranslator.malformed(operation, "unknown EvalDecision \"" + value + "\"");
        };
    }

    private static String require(String operation, @Nullable String value, String field) {
        if (value == null || value.isEmpty()) {
            throw ErrorTranslator.malformed(operation, "a result has no " + field);
        }
        return value;
    }

    static List<List<String>> chunks(List<String> values, int size) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += size) {
            chunks.add(List.copyOf(values.subList(from, Math.min(values.size(), from + size))));
        }
        return chunks;
    }
}
