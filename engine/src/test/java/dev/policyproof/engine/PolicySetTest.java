package dev.policyproof.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicySetTest {

    private static final String ALLOW_ALL = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""";

    private static final String RESOURCE = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
             "Resource": "arn:aws:s3:::reports/*"}]}""";

    private static Policy identity(String name) {
        return PolicyParser.identity().parse(name, ALLOW_ALL);
    }

    private static Policy resource(String name) {
        return PolicyParser.forKind(PolicyKind.RESOURCE).parse(name, RESOURCE);
    }

    @Test
    void all_policies_lists_every_kind() {
        PolicySet set = PolicySet.builder()
                .addIdentity(identity("identity.json"))
                .resourcePolicy(resource("bucket.json"))
                .permissionsBoundary(identity("boundary.json"))
                .sessionPolicy(identity("session.json"))
                .scpLevels(List.of(List.of(identity("root-scp.json")), List.of(identity("ou-scp.json"))))
                .rcpLevels(List.of(List.of(resource("rcp.json"))))
                .vpcEndpointPolicy(resource("endpoint.json"))
                .build();

        List<String> names = set.allPolicies().stream().map(Policy::name).toList();

        assertThat(names).containsExactly("identity.json", "bucket.json", "boundary.json", "session.json",
                "root-scp.json", "ou-scp.json", "rcp.json", "endpoint.json");
    }

    @Test
    void all_policies_of_identity_set() {
        PolicySet set = PolicySet.of(identity("a.json"), identity("b.json"));

        assertThat(set.allPolicies()).extracting(Policy::name).containsExactly("a.json", "b.json");
    }

    @Test
    void identity_policy_as_rcp_is_rejected() {
        PolicySet.Builder builder = PolicySet.builder().addIdentity(identity("identity.json"))
                .rcpLevels(List.of(List.of(identity("rcp.json"))));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rcp.json was parsed with PolicyKind.IDENTITY")
                .hasMessageContaining("PolicyParser.forKind(PolicyKind.RESOURCE)");
    }
}
