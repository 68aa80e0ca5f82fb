package dev.policyproof.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One statement of a policy. {@link #index()} is 1-based, in source order, as messages print it.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_statement.html">IAM
 *     JSON policy elements: Statement</a>
 */
public final class Statement {

    private final int index;
    private final @Nullable String sid;
    private final Effect effect;
    private final @Nullable PrincipalElement principal;
    private final ElementValues action;
    private final @Nullable ElementValues resource;
    private final List<Condition> conditions;
    private final SourceLocation location;

    private Statement(Builder builder) {
        if (builder.index < 1) {
            throw new IllegalArgumentException("statement index is 1-based, got " + builder.index);
        }
        this.index = builder.index;
        this.sid = builder.sid;
        this.effect = Objects.requireNonNull(builder.effect, "effect");
        this.principal = builder.principal;
        this.action = Objects.requireNonNull(builder.action, "action");
        this.resource = builder.resource;
        this.conditions = List.copyOf(builder.conditions);
        this.location = Objects.requireNonNull(builder.location, "location");
    }

    public static Builder builder() {
        return new Builder();
    }

    public int index() {
        return index;
    }

    public Optional<String> sid() {
        return Optional.ofNullable(sid);
    }

    public Effect effect() {
        return effect;
    }

    public Optional<PrincipalElement> principal() {
        return Optional.ofNullable(principal);
    }

    /** Returns the {@code Action} or {@code NotAction} element; exactly one of them is present. */
    public ElementValues action() {
        return action;
    }

    /** Returns the {@code Resource} or {@code NotResource} element, absent in trust policies. */
    public Optional<ElementValues> resource() {
        return Optional.ofNullable(resource);
    }

    public List<Condition> conditions() {
        return conditions;
    }

    public SourceLocation location() {
        return location;
    }

    @Override
    public String toString() {
        return "Statement " + index + (sid == null ? "" : " (" + sid + ")") + " " + effect.jsonName() + " "
                + action.toJson() + (resource == null ? "" : " " + resource.toJson());
    }

    /** Builds a {@link Statement}; {@code conditions} replaces the list and {@code addCondition} appends. */
    public static final class Builder {
        private int index = 1;
        private @Nullable String sid;
        private @Nullable Effect effect;
        private @Nullable PrincipalElement principal;
        private @Nullable ElementValues action;
        private @Nullable ElementValues resource;
        private final List<Condition> conditions = new ArrayList<>();
        private @Nullable SourceLocation location;

        private Builder() {}

        public Builder index(int index) {
            this.index = index;
            return this;
        }

        public Builder sid(@Nullable String sid) {
            this.sid = sid;
            return this;
        }

        public Builder effect(Effect effect) {
            this.effect = effect;
            return this;
        }

        public Builder principal(@Nullable PrincipalElement principal) {
            this.principal = principal;
            return this;
        }

        public Builder action(ElementValues action) {
            this.action = action;
            return this;
        }

        public Builder resource(@Nullable ElementValues resource) {
            this.resource = resource;
            return this;
        }

        public Builder conditions(List<Condition> conditions) {
            this.conditions.clear();
            this.conditions.addAll(conditions);
            return this;
        }

        public Builder addCondition(Condition condition) {
            this.conditions.add(condition);
            return this;
        }

        public Builder location(SourceLocation location) {
            this.location = location;
            return this;
        }

        public Statement build() {
            return new Statement(this);
        }
    }
}
