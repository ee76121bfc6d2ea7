package io.toktik.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The segments listed in an HLS media playlist: {@code #EXTINF:<seconds>,} followed by a URI line; {@code ended}
 * when it carries {@code #EXT-X-ENDLIST} (no segment will be added).
 */
public record MediaPlaylist(List<Segment> segments, boolean ended) {

    public static final String ENDLIST = "#EXT-X-ENDLIST";

    /** One media segment: its URI relative to the playlist and its duration. */
    public record Segment(String uri, double seconds) {
        /** Its two playlist lines. */
        public String lines() {
            return String.format(Locale.ROOT, "#EXTINF:%.6f,\n%s\n", seconds, uri);
        }
    }

    /** A closed playlist ({@code #EXT-X-PLAYLIST-TYPE:VOD}) of {@code segments}, each starting with a keyframe. */
    public static String vod(List<Segment> segments) {
        double longest = segments.stream().mapToDouble(Segment::seconds).max().orElse(0);
        StringBuilder out = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n")
                .append("#EXT-X-TARGETDURATION:").append((long) Math.ceil(longest)).append('\n')
                .append("#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        segments.forEach(segment -> out.append(segment.lines()));
        return out.append(ENDLIST).append('\n').toString();
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
