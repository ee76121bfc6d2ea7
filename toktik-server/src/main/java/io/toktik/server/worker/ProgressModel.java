package io.toktik.server.worker;

import io.toktik.core.video.RenditionInfo;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A video's processing progress, weighting each rendition by its pixel count: 100 only when every
 * rendition is published, so "progress reaches 100 when all are done".
 */
record ProgressModel(List<RenditionInfo> ladder) {

    /** Progress while {@code encoding} are {@code fraction} done, on top of what is already published. */
    int percent(Collection<String> encoding, double fraction) {
        long total = 0, done = 0, inFlight = 0;
        Set<String> names = Set.copyOf(encoding);
        for (RenditionInfo r : ladder) {
            total += r.pixels();
            if (r.complete()) done += r.pixels();
            else if (names.contains(r.name())) inFlight += r.pixels();
        }
        if (total == 0) return 0;
        if (done == total) return 100;
        double value = 100.0 * (done + Math.min(1, Math.max(0, fraction)) * inFlight) / total;
        return (int) Math.min(99, Math.floor(value));
    }
}
