package io.toktik.core.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RankCursorTest {

    @Test
    void cursor_roundTripsExactly_negativeAndDoubleKeysToo() {
        for (long key : new long[] {0, -1, Long.MAX_VALUE, Double.doubleToLongBits(-3.25e-7), 1_732_780_800_123_456L}) {
            RankCursor cursor = new RankCursor("foryou", key, UUID.randomUUID());
            assertThat(RankCursor.decode(cursor.encode(), "foryou")).isEqualTo(cursor);
        }
    }

    @Test
    void cursorOfAnotherOrder_isRefused() {
        String trending = new RankCursor("trending", 5, UUID.randomUUID()).encode();

        assertThatThrownBy(() -> RankCursor.decode(trending, "latest")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void garbage_isRefusedAsAnInvalidCursor() {
        for (String text : new String[] {"", "!!!", "bGF0ZXN0", "bGF0ZXN0Ong6eQ", "bGF0ZXN0OjE6bm90LWEtdXVpZA"}) {
            assertThatThrownBy(() -> RankCursor.decode(text, "latest"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid cursor.");
        }
    }

    @Test
    void tabNames_parseIgnoringCase_othersAreRefused() {
        assertThat(FeedTab.parse(" ForYou ")).isEqualTo(FeedTab.FORYOU);
        assertThatThrownBy(() -> FeedTab.parse("popular")).isInstanceOf(IllegalArgumentException.class);
    }
}
