package io.toktik.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {
    @Test
    void encodeDecode_roundTripsToTheMicrosecond() {
        Cursor c = new Cursor(Instant.parse("2026-11-28T08:00:07.809193Z"), UUID.randomUUID());
        assertThat(Cursor.decode(c.encode())).isEqualTo(c);
    }

    @Test
    void decode_rejectsGarbage() {
        assertThatThrownBy(() -> Cursor.decode("not-a-cursor")).isInstanceOf(IllegalArgumentException.class);
    }
}
