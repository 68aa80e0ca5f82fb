package dev.policyproof.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Region lookup when no region is set on the builder. The surefire configuration of this module disables the EC2
 * instance metadata lookup and points the SDK at profile files that do not exist, so the default chain stays local.
 */
class RegionResolutionTest {

    @Test
    void missing_region_fails_with_fix() {
        assumeThat(System.getenv("AWS_REGION")).as("AWS_REGION is set in this environment").isNull();
        assumeThat(System.getenv("AWS_DEFAULT_REGION")).as("AWS_DEFAULT_REGION is set in this environment").isNull();
        assumeThat(System.getProperty("aws.region")).as("aws.region is set in this JVM").isNull();
        assertThat(System.getProperty("aws.disableEc2Metadata")).isEqualTo("true");

        RemoteChecks.Builder builder = RemoteChecks.builder()
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "x")));

        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(RemoteCheckException.class, e -> assertThat(e.reason())
                        .isEqualTo(RemoteCheckException.Reason.MISSING_REGION))
                .hasMessageContaining("no AWS region is configured")
                .hasMessageContaining("policyproof.aws.region=us-east-1");
    }

    @Test
    void blank_region_is_treated_as_unset() {
        assumeThat(System.getenv("AWS_REGION")).as("AWS_REGION is set in this environment").isNull();
        assumeThat(System.getenv("AWS_DEFAULT_REGION")).as("AWS_DEFAULT_REGION is set in this environment").isNull();

        RemoteChecks.Builder builder = RemoteChecks.builder().region("  ")
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "x")));

        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(RemoteCheckException.class, e -> assertThat(e.reason())
                        .isEqualTo(RemoteCheckException.Reason.MISSING_REGION));
    }
}
