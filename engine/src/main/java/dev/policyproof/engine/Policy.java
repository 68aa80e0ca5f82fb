package dev.policyproof.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An IAM policy document: its name (usually the file it came from), where it is attached, and its statements.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html">IAM JSON policy
 *     grammar</a>
 */
public final class Policy {

    /** The only {@code Version} under which policy variables are substituted. */
    public static final String VERSION_2012_10_17 = "2012-10-17";

    private final String name;
    private final PolicyKind kind;
    private final @Nullable String version;
    private final @Nullable String id;
    private final List<Statement> statements;
    private final SourceLocation location;

    private Policy(Builder builder) {
        this.name = Objects.requireNonNull(builder.name, "name");
        this.kind = builder.kind;
        this.version = builder.version;
        this.id = builder.id;
        this.statements = List.copyOf(builder.statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("a policy needs at least one statement");
        }
        this.location = builder.location == null ? SourceLocation.generated(name, "") : builder.location;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return name;
    }

    public PolicyKind kind() {
        return kind;
    }

    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    public List<Statement> statements() {
        return statements;
    }

    public SourceLocation location() {
        return location;
    }

    /** Returns true when policy variables such as {@code ${aws:username}} are substituted rather than literal. */
    public boolean substitutesVariables() {
        return VERSION_2012_10_17.equals(version);
    }

    @Override
    public String toString() {
        return "Policy " + name + " (" + kind.displayName() + ", " + statements.size() + " statements)";
    }

    /** Builds a {@link Policy}; {@code statements} replaces the list and {@code addStatement} appends. */
    public static final class Builder {
        private @Nullable String name;
        private PolicyKind kind = PolicyKind.IDENTITY;
        private @Nullable String version = VERSION_2012_10_17;
        private @Nullable String id;
        private final List<Statement> statements = new ArrayList<>();
        private @Nullable SourceLocation location;

        private Builder() {}

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder kind(PolicyKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        public Builder version(@Nullable String version) {
            this.version = version;
            return this;
        }

        public Builder id(@Nullable String id) {
            this.id = id;
            return this;
        }

        public Builder statements(List<Statement> statements) {
            this.statements.clear();
            this.statements.addAll(statements);
            return this;
        }

        public Builder addStatement(Statement statement) {
            this.statements.add(statement);
            return this;
        }

        public Builder location(SourceLocation location) {
            this.location = location;
            return this;
        }

        public Policy build() {
            return new Policy(this);
        }
    }
}
