package io.toktik.core.social;

/** Whether the caller likes a video now, its like count, and whether this request changed anything. */
public record LikeState(boolean liked, long likeCount, boolean changed) {}
