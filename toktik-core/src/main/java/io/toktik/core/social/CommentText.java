package io.toktik.core.social;

/** The rule for a comment's text: 1 to 2000 characters (code points, so an emoji is one) after trimming; kept as written. */
public final class CommentText {
    public static final int MAX = 2000;

    private CommentText() {}

    /** @return the text without surrounding white space @throws InvalidField when it is empty or too long */
    public static String validate(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) throw new InvalidField("text", "Write something.");
        if (trimmed.codePointCount(0, trimmed.length()) > MAX) {
            throw new InvalidField("text", "At most " + MAX + " characters.");
        }
        return trimmed;
    }
}
