package io.toktik.core.feed;

import java.util.Locale;

/** The feeds: hot for the caller, people they follow, newest, most engaging of the last 48 hours. */
public enum FeedTab {
    FORYOU, FOLLOWING, LATEST, TRENDING;

    /** @throws IllegalArgumentException for a name that is not a tab */
    public static FeedTab parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tab must be one of foryou, following, latest, trending.");
        }
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
