package io.toktik.core.social;

/** A profile's counts: followers, people followed, and videos. */
public record ProfileCounts(long followers, long following, long videos) {}
