package io.toktik.server.social;

import io.toktik.core.social.Comment;
import java.time.Instant;

/** A comment as the API shows it: {@code {id, author:{id, username, displayName, avatarUrl}, text, parentId, createdAt}}. */
record CommentJson(String id, Author author, String text, String parentId, Instant createdAt) {

    record Author(String id, String username, String displayName, String avatarUrl) {}

    static CommentJson of(Comment c) {
        return new CommentJson(c.id().toString(),
                new Author(c.author().id().toString(), c.author().username(), c.author().displayName(), c.author().avatarUrl()),
                c.text(), c.parentId() == null ? null : c.parentId().toString(), c.createdAt());
    }
}
