package io.toktik.core.video;

/** Lifecycle of a video: {@code UPLOADING → PROCESSING → READY | FAILED}. READY means playable. */
public enum VideoStatus {
    UPLOADING, PROCESSING, READY, FAILED
}
