package dev.policyproof.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policyproof.engine.ContextValue;
import dev.policyproof.engine.RequestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextOptionsTest {

    @Test
    void single_value_keeps_later_equals_signs() {
        RequestContext context = ContextOptions.parse(List.of("aws:userid=AIDA:alice=admin"), List.of());

        assertThat(context.singleValue("aws:userid")).isEqualTo("AIDA:alice=admin");
    }

    @Test
    void values_split_on_commas() {
        RequestContext context = ContextOptions.parse(List.of(), List.of("aws:TagKeys=Team,Env"));

        ContextValue value = context.get("aws:TagKeys").orElseThrow();
        assertThat(value.multivalued()).isTrue();
        assertThat(value.values()).containsExactly("Team", "Env");
    }

    @Test
    void empty_values_make_key_present() {
        RequestContext context = ContextOptions.parse(List.of(), List.of("aws:TagKeys="));

        ContextValue value = context.get("aws:TagKeys").orElseThrow();
        assertThat(value.multivalued()).isTrue();
        assertThat(value.values()).isEmpty();
    }

    @Test
    void rejects_empty_key() {
        assertThatThrownBy(() -> ContextOptions.parse(List.of(), List.of("=a,b")))
                .isInstanceOf(InputException.class)
                .hasMessage("Invalid --context-values value \"=a,b\": expected KEY=V1,V2, such as aws:TagKeys=Team,Env");
    }
}
