package dev.policyproof.engine.report;

import dev.policyproof.engine.check.CheckOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names each outcome {@code "<check>: <expectation>"}, unique within a run as test reports require: a repeated name
 * gets {@code " (2)"}, {@code " (3)"} and so on.
 */
final class TestNames {

    private TestNames() {}

    static List<String> of(List<CheckOutcome> outcomes) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> names = new ArrayList<>(outcomes.size());
        for (CheckOutcome outcome : outcomes) {
            String name = outcome.check() + ": " + outcome.result().expectation();
            int occurrence = seen.merge(name, 1, Integer::sum);
            names.add(occurrence == 1 ? name : name + " (" + occurrence + ")");
        }
        return names;
    }
}
