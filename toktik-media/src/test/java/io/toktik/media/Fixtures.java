package io.toktik.media;

import io.toktik.tests.TestClips;
import java.nio.file.Path;

/** The ffmpeg and the generated clips this module's tests share, made once per build under target. */
final class Fixtures {

    private static final Path FFMPEG_CACHE = Path.of("target", "ffmpeg").toAbsolutePath();

    static final Ffmpeg FFMPEG = Ffmpeg.locate(System.getenv("TOKTIK_FFMPEG"), FFMPEG_CACHE);

    /** Runs with the bundled build's environment (see {@link BundledFfmpeg#environment}), harmless to any other. */
    static final TestClips CLIPS = new TestClips(Path.of("target", "test-media"), FFMPEG.executable(),
            BundledFfmpeg.environment(FFMPEG_CACHE));

    private Fixtures() {
    }
}
