package io.toktik.core.feed;

import java.util.UUID;

/** A video's id and its sort key in some order (see {@link RankCursor}). */
public record Ranked(UUID id, long key) {}
