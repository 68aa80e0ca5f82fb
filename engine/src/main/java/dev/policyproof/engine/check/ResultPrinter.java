package dev.policyproof.engine.check;

import dev.policyproof.engine.Condition;
import dev.policyproof.engine.ContextValue;
import dev.policyproof.engine.ElementResult;
import dev.policyproof.engine.EvaluationResult;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.ResourceTagKeys;
import dev.policyproof.engine.Statement;
import dev.policyproof.engine.StatementResult;
import dev.policyproof.engine.ssm.StartSessionRequest;
import dev.policyproof.engine.ssm.StartSessionResult;
import java.util.List;
import java.util.stream.Collectors;

/** Prints requests, decisions and statements into a {@link FailureMessage}, capped so messages stay readable. */
final class ResultPrinter {

    /** Statements listed per fact before the rest are counted as "and N more". */
    static final int MAX_STATEMENTS = 3;

    private ResultPrinter() {}

    static void printRequest(FailureMessage message, Request request) {
        message.fact("request", request.action() + " on " + request.resource());
        if (!request.resourceTags().isEmpty()) {
            message.subFact("tags", formatMap(request.resourceTags()));
        }
        List<ContextValue> ownKeys = request.context().values().stream()
                .filter(value -> !isTagKey(request, value.key()))
                .toList();
        if (!ownKeys.isEmpty()) {
            message.subFact("context", ownKeys.stream().map(ContextValue::toString).collect(Collectors.joining(", ")));
        }
        request.principal().ifPresent(principal -> message.subFact("principal", principal));
    }

    static void printSession(FailureMessage message, StartSessionResult result) {
        StartSessionRequest request = result.request();
        message.fact("request", StartSessionRequest.ACTION);
        message.subFact("target", request.target().toString());
        if (request.documentArn() == null) {
            message.subFact("document", "none named, so Session Manager runs the default shell "
                    + request.defaultShellArn());
        } else {
            message.subFact("document", request.documentArn());
        }
        if (!request.context().isEmpty()) {
            message.subFact("context", request.context().toString());
        }
    }

    static void printStatements(FailureMessage message, String label, List<StatementResult> statements) {
        for (int i = 0; i < statements.size() && i < MAX_STATEMENTS; i++) {
            StatementResult result = statements.get(i);
            if (i == 0) {
                message.decidedAt(result.ref().statement().location());
                message.fact(label, result.ref().describe());
            } else {
                message.more(result.ref().describe());
            }
            printStatementJson(message, result.statement());
        }
        if (statements.size() > MAX_STATEMENTS) {
            message.detail("and " + (statements.size() - MAX_STATEMENTS) + " more");
        }
    }

    static void printStatementJson(FailureMessage message, Statement statement) {
        String resource = statement.resource().map(r -> ", " + r.toJson()).orElse("");
        message.detail(statement.action().toJson() + resource);
        for (Condition condition : statement.conditions()) {
            message.detail("Condition " + condition.toJson());
        }
    }

    /**
     * Prints why a request was denied: the step of the evaluation logic that denied it, then why each granting
     * {@code Allow} statement for the action did not apply.
     */
    static void printNearMisses(FailureMessage message, EvaluationResult result) {
        result.reasons().stream()
                .filter(reason -> reason.startsWith("implicit deny"))
                .findFirst()
                .ifPresent(reason -> message.fact("because", reason));
        List<StatementResult> misses = result.nearMisses();
        if (misses.isEmpty()) {
            message.fact("closest miss", "no Allow statement covers " + result.request().action());
            return;
        }
        for (int i = 0; i < misses.size() && i < MAX_STATEMENTS; i++) {
            StatementResult miss = misses.get(i);
            String reason = miss.firstFailure().map(ElementResult::explanation).orElse("it did not apply");
            String text = miss.ref().describe() + ": " + reason;
            if (i == 0) {
                message.fact("closest miss", text);
            } else {
                message.more(text);
            }
        }
        if (misses.size() > MAX_STATEMENTS) {
            message.detail("and " + (misses.size() - MAX_STATEMENTS) + " more");
        }
    }

    static String formatMap(java.util.Map<String, String> map) {
        return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    private static boolean isTagKey(Request request, String key) {
        return ResourceTagKeys.prefixesFor(request.action()).stream()
                .anyMatch(prefix -> request.resourceTags().keySet().stream()
                        .anyMatch(tag -> (prefix + tag).equalsIgnoreCase(key)));
    }
}
