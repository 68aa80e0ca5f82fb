package dev.policyproof.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyproof.engine.ssm.StartSessionResult;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Renders the trace of a decision: the reasons in the order the evaluation logic applied them, then every policy
 * and statement with the outcome of each element and why. As text for people, and as JSON for tools.
 */
public final class Explanation {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Explanation() {}

    /** Renders {@code result} as indented text, one line per reason, policy, statement and element. */
    public static String toText(EvaluationResult result) {
        StringBuilder text = new StringBuilder();
        text.append("decision: ").append(result.decision()).append(System.lineSeparator());
        for (String reason : result.reasons()) {
            text.append("  because ").append(reason).append(System.lineSeparator());
        }
        for (PolicyResult policy : result.policies()) {
            text.append(policy.type().displayName())
                    .append(policy.level() > 0 ? " at level " + policy.level() : "")
                    .append(": ")
                    .append(policy.policyName())
                    .append(System.lineSeparator());
            for (StatementResult statement : policy.statements()) {
                appendStatement(text, statement);
            }
        }
        return text.toString();
    }

    /** Renders a session decision: the target's evaluation, then the document's or the implicit default shell. */
    public static String toText(StartSessionResult result) {
        StringBuilder text = new StringBuilder();
        text.append("decision: ").append(result.decision()).append(System.lineSeparator());
        text.append("target ").append(result.request().target()).append(':').append(System.lineSeparator());
        text.append(indent(toText(result.targetResult())));
        if (result.defaultShellGrantedImplicitly()) {
            text.append("document: none named, and the default shell is granted without a document check because ")
                    .append("a statement allowing the target lacks ssm:SessionDocumentAccessCheck")
                    .append(System.lineSeparator());
        }
        EvaluationResult document = result.documentResult();
        if (document != null) {
            text.append("document ").append(result.effectiveDocumentArn()).append(':').append(System.lineSeparator());
            text.append(indent(toText(document)));
        }
        return text.toString();
    }

    /** Renders {@code result} as a JSON object with the decision, the reasons and every policy and statement. */
    public static ObjectNode toJson(EvaluationResult result) {
        ObjectNode json = JSON.objectNode();
        json.put("decision", result.decision().name());
        ArrayNode reasons = json.putArray("reasons");
        result.reasons().forEach(reasons::add);
        ArrayNode policies = json.putArray("policies");
        for (PolicyResult policy : result.policies()) {
            ObjectNode node = policies.addObject();
            node.put("name", policy.policyName());
            node.put("type", policy.type().name());
            if (policy.level() > 0) {
                node.put("level", policy.level());
            }
            ArrayNode statements = node.putArray("statements");
            policy.statements().forEach(statement -> statements.add(statementJson(statement)));
        }
        return json;
    }

    /** Renders a session decision as JSON, with the target's and the document's evaluations. */
    public static ObjectNode toJson(StartSessionResult result) {
        ObjectNode json = JSON.objectNode();
        json.put("decision", result.decision().name());
        json.put("documentNamed", result.request().documentArn() != null);
        json.put("document", result.effectiveDocumentArn());
        json.put("defaultShellGrantedImplicitly", result.defaultShellGrantedImplicitly());
        json.set("target", toJson(result.targetResult()));
        EvaluationResult implicitShell = result.implicitShellResult();
        if (implicitShell != null) {
            json.set("targetWithDocumentCheckOff", toJson(implicitShell));
        }
        EvaluationResult document = result.documentResult();
        if (document != null) {
            json.set("documentEvaluation", toJson(document));
        }
        return json;
    }

    private static ObjectNode statementJson(StatementResult statement) {
        ObjectNode node = JSON.objectNode();
        node.put("index", statement.ref().index());
        statement.statement().sid().ifPresent(sid -> node.put("sid", sid));
        node.put("line", statement.statement().location().line());
        node.put("effect", statement.effect().jsonName());
        node.put("applies", statement.applies());
        ArrayNode elements = node.putArray("elements");
        for (ElementResult element : elements(statement)) {
            ObjectNode item = elements.addObject();
            item.put("element", element.element());
            item.put("matched", element.matched());
            item.put("explanation", element.explanation());
        }
        return node;
    }

    private static void appendStatement(StringBuilder text, StatementResult statement) {
        text.append("  ")
                .append(statement.applies() ? "applies " : "skipped ")
                .append(statement.effect().jsonName())
                .append(' ')
                .append(statement.ref().describe())
                .append(System.lineSeparator());
        for (ElementResult element : elements(statement)) {
            text.append("    ")
                    .append(element.matched() ? "match    " : "no match ")
                    .append(element.explanation())
                    .append(System.lineSeparator());
        }
    }

    private static List<ElementResult> elements(StatementResult statement) {
        java.util.ArrayList<ElementResult> all = new java.util.ArrayList<>();
        if (statement.statement().principal().isPresent()) {
            all.add(statement.principal());
        }
        all.add(statement.action());
        all.add(statement.resource());
        all.addAll(statement.conditions());
        return all;
    }

    private static String indent(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return text.lines().map(line -> "  " + line + System.lineSeparator()).reduce("", String::concat);
    }
}
