package io.toktik.media;

import java.util.Objects;

/** A media operation failed; {@link #getMessage()} is written for the person who uploaded the file. */
public final class MediaException extends Exception {

    /** What went wrong, for code that reacts to failures. */
    public enum Code {
        /** The file has no bytes. */
        EMPTY_FILE,
        /** The file is not a video we can read: unknown format, corrupt or truncated. */
        NOT_A_VIDEO,
        /** The file holds audio but no video. */
        NO_VIDEO_STREAM,
        /** The file is a single picture. */
        STILL_IMAGE,
        /** The file or URL could not be read at all (missing, permission, network). */
        UNREADABLE,
        /** The video uses something we cannot decode or produce. */
        UNSUPPORTED,
        /** ffmpeg failed. */
        TRANSCODE_FAILED,
        /** ffmpeg ran longer than allowed and was killed. */
        TIMEOUT,
        /** The waiting thread was interrupted; ffmpeg was killed. */
        CANCELLED
    }

    private final Code code;
    private final String detail;

    public MediaException(Code code, String message) {
        this(code, message, null, null);
    }

    public MediaException(Code code, String message, String detail) {
        this(code, message, detail, null);
    }

    public MediaException(Code code, String message, String detail, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.detail = detail == null ? "" : detail;
    }

    public Code code() {
        return code;
    }

    /** Technical detail for logs (e.g. the tail of ffmpeg's stderr); empty when there is none. */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return "MediaException[" + code + "]: " + getMessage() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
