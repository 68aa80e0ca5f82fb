package dev.policyproof.engine.template;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Inputs for resolving a template's intrinsic functions: the values of the pseudo parameters and of the template's
 * parameters.
 *
 * @param partition the value of {@code AWS::Partition}, such as {@code aws}
 * @param region the value of {@code AWS::Region}
 * @param account the value of {@code AWS::AccountId}, 12 digits
 * @param stackName the value of {@code AWS::StackName}; when null, the template's file name without its extension
 * @param parameters parameter values by name, as a parameters file gives them; a list parameter takes commas
 * @param useParameterDefaults whether a parameter without a value takes its {@code Default}; when false it stays
 *     unknown, so checks do not pass on a value that the deployment may override
 */
public record TemplateSettings(
        String partition,
        String region,
        String account,
        @Nullable String stackName,
        Map<String, String> parameters,
        boolean useParameterDefaults) {

    /** The example account and Region of the AWS documentation, no parameter values and no defaults. */
    public static final TemplateSettings DEFAULT =
            new TemplateSettings("aws", "us-east-1", "111122223333", null, Map.of(), false);

    public TemplateSettings {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        parameters = Map.copyOf(parameters);
    }

    public TemplateSettings withParameters(Map<String, String> values) {
        return new TemplateSettings(partition, region, account, stackName, values, useParameterDefaults);
    }

    public TemplateSettings withParameterDefaults(boolean use) {
        return new TemplateSettings(partition, region, account, stackName, parameters, use);
    }

    public TemplateSettings withScope(String partition, String region, String account) {
        return new TemplateSettings(partition, region, account, stackName, parameters, useParameterDefaults);
    }

    public Optional<String> explicitStackName() {
        return Optional.ofNullable(stackName);
    }
}
