package io.toktik.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressParserTest {

    @Test
    void reportsOutTimeAsAFractionOfTheDurationAndOneAtTheEnd() {
        List<Double> seen = new ArrayList<>();
        ProgressParser parser = new ProgressParser(4_000, seen::add);

        for (String line : List.of("frame=1", "out_time_us=N/A", "out_time_us=1000000", "progress=continue",
                "out_time_us=3000000", "out_time_us=2000000", "out_time_us=9000000", "progress=end")) {
            parser.accept(line);
        }

        assertThat(seen).containsExactly(0.25, 0.75, 0.999, 1.0);
    }

    @Test
    void unknownDurationOnlyReportsTheEnd() {
        List<Double> seen = new ArrayList<>();
        ProgressParser parser = new ProgressParser(0, seen::add);

        parser.accept("out_time_us=1000000");
        parser.accept("progress=end");

        assertThat(seen).containsExactly(1.0);
    }
}
