package dev.policyproof.engine.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policyproof.engine.template.TemplateValue.Mapping;
import dev.policyproof.engine.template.TemplateValue.Scalar;
import dev.policyproof.engine.template.TemplateValue.ScalarType;
import dev.policyproof.engine.template.TemplateValue.Sequence;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTreeReaderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "!Ref Bucket                | Ref",
        "!Sub 'arn:${AWS::Region}'  | Fn::Sub",
        "!ImportValue SharedVpc     | Fn::ImportValue",
        "!Condition IsProd          | Condition",
        "!GetAZs ''                 | Fn::GetAZs",
        "!Base64 text               | Fn::Base64",
    })
    void short_form_becomes_long_form(String yaml, String function) {
        // GIVEN a value written with a short form tag
        Mapping root = (Mapping) TemplateTreeReader.read("t.yaml", "Value: " + yaml);

        // WHEN reading it THEN the value is the one-key map of the long form
        Mapping value = (Mapping) root.get("Value").orElseThrow();
        assertThat(value.entries()).containsOnlyKeys(function);
    }

    @Test
    void get_att_splits_at_first_dot() {
        Mapping root = (Mapping) TemplateTreeReader.read("t.yaml", "Value: !GetAtt Database.Endpoint.Address");

        Mapping value = (Mapping) root.get("Value").orElseThrow();
        Sequence arguments = (Sequence) value.get("Fn::GetAtt").orElseThrow();
        assertThat(arguments.elements()).extracting(v -> v.asText().orElseThrow())
                .containsExactly("Database", "Endpoint.Address");
    }

    @Test
    void sequence_tags_keep_their_elements() {
        Mapping root = (Mapping) TemplateTreeReader.read("t.yaml", "Value: !Join [':', [a, !Ref B]]");

        Sequence arguments = (Sequence) ((Mapping) root.get("Value").orElseThrow()).get("Fn::Join").orElseThrow();
        assertThat(arguments.elements()).hasSize(2);
        Sequence items = (Sequence) arguments.elements().get(1);
        assertThat(((Mapping) items.elements().get(1)).entries()).containsOnlyKeys("Ref");
    }

    @Test
    void version_date_stays_string() {
        Mapping root = (Mapping) TemplateTreeReader.read("t.yaml", "Version: 2012-10-17\nCount: 3\nOn: true");

        assertThat(root.get("Version").orElseThrow()).isEqualTo(
                new Scalar("2012-10-17", ScalarType.STRING, root.get("Version").orElseThrow().location(), null));
        assertThat(((Scalar) root.get("Count").orElseThrow()).type()).isEqualTo(ScalarType.NUMBER);
        assertThat(((Scalar) root.get("On").orElseThrow()).type()).isEqualTo(ScalarType.BOOLEAN);
    }

    @Test
    void values_keep_line_and_pointer() {
        Mapping root = (Mapping) TemplateTreeReader.read("t.yaml", "Resources:\n  Role:\n    Type: AWS::IAM::Role\n");

        Mapping role = (Mapping) ((Mapping) root.get("Resources").orElseThrow()).get("Role").orElseThrow();
        TemplateValue type = role.get("Type").orElseThrow();
        assertThat(type.location().line()).isEqualTo(3);
        assertThat(type.location().pointer()).isEqualTo("/Resources/Role/Type");
    }

    @Test
    void unknown_tag_is_rejected() {
        assertThatThrownBy(() -> TemplateTreeReader.read("t.yaml", "Value: !Reference Bucket"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("unsupported YAML tag !Reference")
                .hasMessageContaining("t.yaml:1:");
    }

    @Test
    void control_character_is_rejected_at_position() {
        assertThatThrownBy(() -> TemplateTreeReader.read("t.yaml", "A: 1\nB: x\u0007y"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("U+0007")
                .hasMessageContaining("t.yaml:2:5");
    }

    @Test
    void duplicate_key_is_rejected() {
        assertThatThrownBy(() -> TemplateTreeReader.read("t.yaml", "A: 1\nA: 2"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("duplicate key \"A\" (first at line 1)");
    }

    @Test
    @Timeout(5)
    void alias_bomb_fails_fast() {
        // GIVEN the "billion laughs" shape: each level repeats the previous one ten times
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char level = 'b'; level <= 'j'; level++) {
            yaml.append(level).append(": &").append(level).append(" [");
            yaml.append(("*" + previous + ",").repeat(9)).append('*').append(previous).append("]\n");
            previous = level;
        }

        // WHEN reading it THEN the first anchor is rejected before any alias expands
        assertThatThrownBy(() -> TemplateTreeReader.read("bomb.yaml", yaml.toString()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("YAML anchor &a is not supported")
                .hasMessageContaining("bomb.yaml:1:");
    }

    @Test
    void alias_without_anchor_is_rejected() {
        assertThatThrownBy(() -> TemplateTreeReader.read("t.yaml", "a: *missing"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("t.yaml");
    }

    @Test
    @Timeout(5)
    void deep_nesting_fails_fast() {
        String yaml = "a: " + "[".repeat(5_000) + "]".repeat(5_000);

        assertThatThrownBy(() -> TemplateTreeReader.read("deep.yaml", yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("nesting depth")
                .hasMessageContaining("[limit-exceeded]");
    }

    @Test
    @Timeout(5)
    void deep_json_nesting_fails_fast() {
        String json = "{\"a\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";

        assertThatThrownBy(() -> TemplateTreeReader.read("deep.json", json))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("[limit-exceeded]");
    }

    @Test
    @Timeout(5)
    void oversized_document_fails_fast() {
        String yaml = "Description: " + "x".repeat(TemplateTreeReader.MAX_CODE_POINTS + 1);

        long start = System.nanoTime();
        assertThatThrownBy(() -> TemplateTreeReader.read("big.yaml", yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("more than 1048576 characters")
                .hasMessageContaining("[limit-exceeded]");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void several_documents_are_rejected() {
        assertThatThrownBy(() -> TemplateTreeReader.read("t.yaml", "a: 1\n---\nb: 2\n"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("[several-documents]");
    }

    @Test
    void json_template_is_read_without_tags() {
        Mapping root = (Mapping) TemplateTreeReader.read("t.json", "{\"Value\": {\"Ref\": \"Bucket\"}}");

        assertThat(((Mapping) root.get("Value").orElseThrow()).entries()).containsOnlyKeys("Ref");
    }
}
