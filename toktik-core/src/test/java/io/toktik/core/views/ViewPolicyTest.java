package io.toktik.core.views;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewPolicyTest {

    @Test
    void longVideo_needsFiveSeconds() {
        assertThat(ViewPolicy.watchedEnough(4_999, 60_000L)).isFalse();
        assertThat(ViewPolicy.watchedEnough(5_000, 60_000L)).isTrue();
    }

    @Test
    void shortVideo_needsHalfOfIt() {
        assertThat(ViewPolicy.watchedEnough(1_999, 4_000L)).isFalse();
        assertThat(ViewPolicy.watchedEnough(2_000, 4_000L)).isTrue();
    }

    @Test
    void unknownDuration_needsFiveSeconds() {
        assertThat(ViewPolicy.watchedEnough(4_999, null)).isFalse();
        assertThat(ViewPolicy.watchedEnough(5_000, null)).isTrue();
    }

    @Test
    void nothingWatched_neverCounts_evenForAnEmptyVideo() {
        assertThat(ViewPolicy.watchedEnough(0, 0L)).isFalse();
        assertThat(ViewPolicy.watchedEnough(1, 0L)).isTrue();
    }

    @Test
    void anonymousIds_areCutTo64Characters_andKeptApartFromAddressesAndUsers() {
        assertThat(Viewer.anonymous("x".repeat(100)).key()).isEqualTo("a:" + "x".repeat(64));
        assertThat(Viewer.anonymous("10.0.0.1").key()).isNotEqualTo(Viewer.address("10.0.0.1").key());
        assertThat(Viewer.anonymous("device").userId()).isEmpty();
    }
}
