package dev.policyproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policyproof.engine.Decision;
import dev.policyproof.engine.PolicyParser;
import dev.policyproof.engine.PolicySet;
import dev.policyproof.engine.Request;
import dev.policyproof.engine.cases.CaseEvaluator.Outcome;
import dev.policyproof.engine.cases.EvaluationCase;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CaseTallyTest {

    private static final PolicySet POLICIES = PolicySet.of(PolicyParser.identity().parse("p.json",
            "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}}"));

    private static Outcome outcome(String id, Decision decision, @Nullable Decision expected) {
        Request request = Request.of("s3:GetObject", "*").build();
        EvaluationCase evaluationCase =
                new EvaluationCase(id, 1, null, null, POLICIES, request, null, expected, List.of());
        return new Outcome(evaluationCase, decision, new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode(), "");
    }

    @Test
    void no_cases_evaluated() {
        assertThat(new CaseTally().summary()).isEqualTo("0 cases evaluated");
    }

    @Test
    void no_expected_decisions_counts_only() {
        CaseTally tally = new CaseTally();
        tally.add(outcome("a", Decision.ALLOW, null));

        assertThat(tally.summary()).isEqualTo("1 case evaluated");
    }

    @Test
    void singular_and_plural_forms() {
        CaseTally tally = new CaseTally();
        tally.add(outcome("a", Decision.ALLOW, Decision.ALLOW));
        tally.add(outcome("b", Decision.ALLOW, Decision.IMPLICIT_DENY));
        tally.add(outcome("c", Decision.ALLOW, null));
        tally.add(outcome("d", Decision.ALLOW, null));

        assertThat(tally.summary()).isEqualTo("4 cases evaluated: 1 agrees, 1 differs (b), 2 have no expected decision");
    }

    @Test
    void differing_ids_capped_at_five() {
        CaseTally tally = new CaseTally();
        for (int i = 1; i <= 7; i++) {
            tally.add(outcome("c" + i, Decision.EXPLICIT_DENY, Decision.IMPLICIT_DENY));
        }

        assertThat(tally.summary()).isEqualTo("7 cases evaluated: 0 agree, 7 differ (c1, c2, c3, c4, c5 and 2 more)");
    }
}
