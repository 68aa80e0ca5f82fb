package dev.policyproof.engine.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the failure messages of several checks and renders them as one numbered message, so that soft assertions
 * and a build that runs every check report all failures at once, in the order they occurred. Safe for concurrent use.
 *
 * <pre>
 * 2 checks failed
 *
 * failure 1 of 2
 * [engineer policy]
 * expected:     ...
 *
 * failure 2 of 2
 * [engineer policy]
 * expected:     ...
 * </pre>
 */
public final class FailureCollector {

    private final List<String> messages = new ArrayList<>();

    /** Appends one failure message, such as {@link CheckResult#failureMessage()}. */
    public synchronized void add(String message) {
        messages.add(message);
    }

    /** Returns the messages collected so far, oldest first. */
    public synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    public synchronized boolean isEmpty() {
        return messages.isEmpty();
    }

    /** Renders every message under a "failure i of N" heading, or returns the empty string when there are none. */
    public synchronized String render() {
        if (messages.isEmpty()) {
            return "";
        }
        String newline = System.lineSeparator();
        int total = messages.size();
        StringBuilder text = new StringBuilder(ResultPrinter.count(total, "check", "checks")).append(" failed");
        for (int i = 0; i < total; i++) {
            text.append(newline).append(newline).append("failure ").append(i + 1).append(" of ").append(total);
            text.append(newline).append(messages.get(i));
        }
        return text.toString();
    }
}
