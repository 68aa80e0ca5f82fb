package dev.policyproof.engine.check;

import dev.policyproof.engine.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A multi-line failure message of aligned facts, shared by the assertion DSL, the Maven plugin and reports so that a
 * failure reads the same everywhere:
 *
 * <pre>
 * [engineer policy]
 * expected:     ssm:StartSession allowed only with AWS-StartPortForwardingSession
 * but found:    a session that names no document, so Session Manager starts the default shell
 * decision:     ALLOW
 * allowed by:   statement 1 of 3, Sid "Bastion", line 5 of iam/engineer.json
 *                 "Action": "ssm:StartSession", "Resource": "arn:aws:ec2:*:*:instance/*"
 * </pre>
 */
public final class FailureMessage {

    private static final int LABEL_WIDTH = 14;
    private static final String CONTINUATION = " ".repeat(LABEL_WIDTH + 2);

    private final String title;
    private final List<String> lines = new ArrayList<>();
    private @Nullable SourceLocation decidingStatement;

    private FailureMessage(String title) {
        this.title = title;
    }

    /** Starts a message whose first line is {@code [title]}. */
    public static FailureMessage titled(String title) {
        return new FailureMessage(title);
    }

    /** Adds {@code label: value}, the value aligned with other facts. An empty label continues the previous fact. */
    public FailureMessage fact(String label, String value) {
        String head = label.isEmpty() ? "" : label + ":";
        lines.add(head + " ".repeat(Math.max(1, LABEL_WIDTH - head.length())) + value);
        return this;
    }

    /** Adds another value of the previous fact on a line of its own, aligned with it, such as a second statement. */
    public FailureMessage more(String value) {
        lines.add(" ".repeat(LABEL_WIDTH) + value);
        return this;
    }

    /** Adds a fact nested under the previous one, such as the target of a request. */
    public FailureMessage subFact(String label, String value) {
        String head = "  " + label + ":";
        lines.add(head + " ".repeat(Math.max(1, LABEL_WIDTH - head.length())) + value);
        return this;
    }

    /** Adds a line indented under the previous fact's value, such as the JSON of a statement. */
    public FailureMessage detail(String text) {
        lines.add(CONTINUATION + text);
        return this;
    }

    /**
     * Records where the statement that decided the offending request is written; reports point at it. Only the first
     * call counts, because messages print the deciding statement before any other.
     */
    public FailureMessage decidedAt(SourceLocation location) {
        if (decidingStatement == null) {
            decidingStatement = location;
        }
        return this;
    }

    public Optional<SourceLocation> decidingStatement() {
        return Optional.ofNullable(decidingStatement);
    }

    public String render() {
        StringBuilder text = new StringBuilder("[").append(title).append(']');
        for (String line : lines) {
            text.append(System.lineSeparator()).append(line);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
