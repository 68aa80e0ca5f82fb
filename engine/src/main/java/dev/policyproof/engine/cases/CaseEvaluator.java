package dev.policyproof.engine.cases;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyproof.engine.Decision;
import dev.policyproof.engine.EvaluationResult;
import dev.policyproof.engine.Explanation;
import dev.policyproof.engine.ssm.SessionAuthorizer;
import dev.policyproof.engine.ssm.StartSessionResult;

/** Evaluates cases, sessions through {@link SessionAuthorizer} and everything else as one request. */
public final class CaseEvaluator {

    private CaseEvaluator() {}

    /** The decision for a case and its explanation. */
    public record Outcome(EvaluationCase evaluationCase, Decision decision, ObjectNode explanation, String text) {

        /** Returns the result as one JSON object with {@code id}, {@code decision} and {@code explanation}. */
        public ObjectNode toJson() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("id", evaluationCase.id());
            json.put("decision", CaseFileReader.decisionName(decision));
            evaluationCase.expectedDecision()
                    .ifPresent(expected -> json.put("expected", CaseFileReader.decisionName(expected)));
            json.set("explanation", explanation);
            return json;
        }
    }

    public static Outcome evaluate(EvaluationCase evaluationCase) {
        if (evaluationCase.session() != null) {
            StartSessionResult result =
                    new SessionAuthorizer(evaluationCase.policies()).authorize(evaluationCase.session());
            return new Outcome(
                    evaluationCase, result.decision(), Explanation.toJson(result), Explanation.toText(result));
        }
        EvaluationResult result = evaluationCase.policies().evaluate(evaluationCase.request());
        return new Outcome(evaluationCase, result.decision(), Explanation.toJson(result), Explanation.toText(result));
    }
}
