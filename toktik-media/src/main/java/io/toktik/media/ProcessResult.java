package io.toktik.media;

import java.time.Duration;

/** How an ffmpeg run ended: exit code, the last few KB of stderr and how long it took. */
public record ProcessResult(int exitCode, String stderrTail, Duration elapsed) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /**
     * Returns this result if ffmpeg exited with 0, else throws {@code TRANSCODE_FAILED}.
     *
     * @param plainMessage what failed, in words for the uploader (stderr goes to {@link MediaException#detail()})
     */
    public ProcessResult orThrow(String plainMessage) throws MediaException {
        if (succeeded()) {
            return this;
        }
        throw new MediaException(MediaException.Code.TRANSCODE_FAILED, plainMessage,
                "ffmpeg exited with " + exitCode + ": " + stderrTail.strip());
    }
}
