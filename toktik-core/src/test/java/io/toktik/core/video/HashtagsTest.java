package io.toktik.core.video;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashtagsTest {
    @Test
    void parse_findsTagsInAnyScript_lowerCasedAndDistinct() {
        assertThat(Hashtags.parse("Sunset #Beach #beach", "with #ทะเล and #café_2026!")).containsExactly("beach", "ทะเล", "café_2026");
    }

    @Test
    void parse_ignoresHashesInsideWordsAndUrls() {
        assertThat(Hashtags.parse("a#b http://x.y/#anchor ## #")).isEmpty();
    }
}
