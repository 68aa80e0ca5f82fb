package dev.policyproof.engine.rules;

import java.util.Objects;

/**
 * Selector that the rule pack uses to find the bastion: every {@code AWS::EC2::Instance} that carries the tag
 * {@code key=value}. The default is {@code Name=app-bastion}, the tag that engineer policies scope
 * {@code ssm:StartSession} to.
 */
public record BastionSelector(String tagKey, String tagValue) {

    public static final BastionSelector DEFAULT = new BastionSelector("Name", "app-bastion");

    public BastionSelector {
        Objects.requireNonNull(tagKey, "tagKey");
        Objects.requireNonNull(tagValue, "tagValue");
    }

    @Override
    public String toString() {
        return tagKey + "=" + tagValue;
    }
}
