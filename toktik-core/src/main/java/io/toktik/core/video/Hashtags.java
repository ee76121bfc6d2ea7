package io.toktik.core.video;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code #hashtags} out of free text: letters, digits and underscores, any script, lower-cased. */
public final class Hashtags {
    private static final Pattern TAG = Pattern.compile("(?<![\\p{L}\\p{N}_#/&])#([\\p{L}\\p{N}_]{1,50})");

    private Hashtags() {}

    public static List<String> parse(String... texts) {
        Set<String> tags = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) continue;
            Matcher m = TAG.matcher(text);
            while (m.find() && tags.size() < 30) tags.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return List.copyOf(tags);
    }
}
