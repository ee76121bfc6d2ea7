package io.toktik.media;

import java.util.ArrayList;
import java.util.List;

/**
 * The segments listed in an HLS media playlist: {@code #EXTINF:<seconds>,} followed by a URI line; {@code ended}
 * when it carries {@code #EXT-X-ENDLIST} (no segment will be added).
 */
public record MediaPlaylist(List<Segment> segments, boolean ended) {

    public static final String ENDLIST = "#EXT-X-ENDLIST";

    /** One media segment: its URI relative to the playlist and its duration. */
    public record Segment(String uri, double seconds) {
    }

    public static MediaPlaylist parse(String text) {
        List<Segment> segments = new ArrayList<>();
        Double pending = null;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("#EXTINF:")) {
                String value = line.substring("#EXTINF:".length());
                int comma = value.indexOf(',');
                pending = Double.parseDouble(comma >= 0 ? value.substring(0, comma) : value);
            } else if (!line.isEmpty() && !line.startsWith("#") && pending != null) {
                segments.add(new Segment(line, pending));
                pending = null;
            }
        }
        return new MediaPlaylist(List.copyOf(segments), text.contains(ENDLIST));
    }
}
