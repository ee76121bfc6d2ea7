package io.toktik.media;

import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/** Turns ffmpeg {@code -progress} lines ({@code out_time_us=...}, {@code progress=end}) into a 0..1 fraction. */
final class ProgressParser implements Consumer<String> {

    private final double durationMicros;
    private final DoubleConsumer listener;
    private double reported = -1;

    /** @param durationMs source duration; when 0 or less, only the final 1.0 is reported */
    ProgressParser(long durationMs, DoubleConsumer listener) {
        this.durationMicros = durationMs * 1000.0;
        this.listener = listener;
    }

    @Override
    public synchronized void accept(String line) {
        if (line.equals("progress=end")) {
            report(1.0);
        } else if (line.startsWith("out_time_us=") && durationMicros > 0) {
            try {
                long micros = Long.parseLong(line.substring("out_time_us=".length()).strip());
                report(Math.min(0.999, Math.max(0, micros / durationMicros)));
            } catch (NumberFormatException e) {
                // "N/A" before the first frame is out.
            }
        }
    }

    private void report(double fraction) {
        if (fraction > reported) {
            reported = fraction;
            listener.accept(fraction);
        }
    }
}
