package io.toktik.core.video;

/** Who may see a video: everyone (feeds, search), anyone with the link, or only its owner. */
public enum Visibility {
    PUBLIC, UNLISTED, PRIVATE
}
