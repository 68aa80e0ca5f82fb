package dev.policyproof.cli;

import dev.policyproof.engine.Decision;
import dev.policyproof.engine.cases.CaseEvaluator.Outcome;
import java.util.ArrayList;
import java.util.List;

/** Counts evaluated cases and compares each decision with the case's expected decision, if it has one. */
final class CaseTally {

    /** The number of differing case ids that the summary names; the rest are counted. */
    static final int MAX_LISTED_IDS = 5;

    private int evaluated;

    /** Returns how many cases were evaluated. */
    int total() {
        return evaluated;
    }
    private int agreeing;
    private int differing;
    private final List<String> differingIds = new ArrayList<>();

    void add(Outcome outcome) {
        evaluated++;
        Decision expected = outcome.evaluationCase().expected();
        if (expected == null) {
            return;
        }
        if (expected == outcome.decision()) {
            agreeing++;
            return;
        }
        differing++;
        if (differingIds.size() < MAX_LISTED_IDS) {
            differingIds.add(outcome.evaluationCase().id());
        }
    }

    /**
     * Returns one line such as {@code 12 cases evaluated: 10 agree, 2 differ (s3-deny, kms-grant)}; the counts of
     * agreeing and differing cases appear only when some case has an expected decision.
     */
    String summary() {
        String summary = count(evaluated, "case", "cases") + " evaluated";
        if (agreeing + differing == 0) {
            return summary;
        }
        summary += ": " + count(agreeing, "agrees", "agree") + ", " + count(differing, "differs", "differ");
        if (differing > 0) {
            summary += " (" + listedIds() + ")";
        }
        int withoutExpected = evaluated - agreeing - differing;
        if (withoutExpected > 0) {
            summary += ", " + count(withoutExpected, "has", "have") + " no expected decision";
        }
        return summary;
    }

    private String listedIds() {
        String listed = String.join(", ", differingIds);
        int unlisted = differing - differingIds.size();
        return unlisted == 0 ? listed : listed + " and " + unlisted + " more";
    }

    private static String count(int number, String singular, String plural) {
        return number + " " + (number == 1 ? singular : plural);
    }
}
