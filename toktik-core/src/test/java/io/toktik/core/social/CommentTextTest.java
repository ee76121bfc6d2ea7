package io.toktik.core.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommentTextTest {

    @Test
    void validate_trimsButKeepsTheTextAsWritten() {
        assertThat(CommentText.validate("  <b>hi</b> 👋🏽\n")).isEqualTo("<b>hi</b> 👋🏽");
    }

    @Test
    void validate_refusesEmptyAndBlankText_namingTheField() {
        for (String blank : new String[] {null, "", " \t\n"}) {
            assertThatThrownBy(() -> CommentText.validate(blank))
                    .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("text"));
        }
    }

    @Test
    void validate_countsCharactersNotUtf16Units() {
        assertThat(CommentText.validate("🎉".repeat(2000))).hasSize(4000);
        assertThatThrownBy(() -> CommentText.validate("🎉".repeat(2001))).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> CommentText.validate("x".repeat(2001))).isInstanceOf(InvalidField.class);
    }
}
