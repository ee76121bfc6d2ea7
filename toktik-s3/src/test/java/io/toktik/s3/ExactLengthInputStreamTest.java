package io.toktik.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import org.junit.jupiter.api.Test;

class ExactLengthInputStreamTest {

    @Test
    void endsAfterItsLength_evenWhenMoreFollows() throws Exception {
        var in = new ExactLengthInputStream(new ByteArrayInputStream(new byte[10]), 4);
        assertThat(in.readAllBytes()).hasSize(4);
    }

    @Test
    void aStreamThatEndsEarly_fails() {
        var in = new ExactLengthInputStream(new ByteArrayInputStream(new byte[3]), 4);
        assertThatThrownBy(in::readAllBytes).isInstanceOf(EOFException.class).hasMessageContaining("1 bytes early");
    }

    @Test
    void resetToTheMark_readsTheSameLengthAgain() throws Exception {
        var in = new ExactLengthInputStream(new ByteArrayInputStream(new byte[]{1, 2, 3, 4, 5}), 4);
        in.mark(100);
        assertThat(in.readAllBytes()).containsExactly(1, 2, 3, 4);
        in.reset();
        assertThat(in.readAllBytes()).containsExactly(1, 2, 3, 4);
    }
}
