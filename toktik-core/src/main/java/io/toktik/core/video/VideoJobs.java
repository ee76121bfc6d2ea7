package io.toktik.core.video;

import java.util.Set;

/** The job kinds of the media pipeline, and their priorities (lower runs first). */
public final class VideoJobs {
    /** Probe the source and plan the ladder. */
    public static final String PROBE = "probe";
    /** Encode and publish some renditions; the payload names them, comma-separated. */
    public static final String TRANSCODE = "transcode";
    /** Make the poster image. */
    public static final String POSTER = "poster";
    /** Make the storyboard (seek-preview sprite and its WebVTT index). */
    public static final String STORYBOARD = "storyboard";
    /** Encode the lowest rendition while the upload still arrives ({@link EarlyEncodes}); the payload is the upload's id. */
    public static final String EARLY = "early";

    /** Every kind there is. */
    public static final Set<String> KINDS = Set.of(PROBE, TRANSCODE, POSTER, STORYBOARD, EARLY);

    public static final int PRIORITY_PROBE = 0;
    public static final int PRIORITY_FIRST_RENDITION = 10;
    public static final int PRIORITY_POSTER = 20;
    public static final int PRIORITY_MORE_RENDITIONS = 30;
    public static final int PRIORITY_STORYBOARD = 40;
    /** Each of the owner's videos still processing ahead of this one pushes its jobs behind everyone's next video. */
    static final int PRIORITY_PER_VIDEO_AHEAD = 100;

    /**
     * The priority of a job of one video: its kind's, behind the jobs of every video that has fewer of its
     * owner's videos ahead of it — so one user's 50 uploads do not starve everyone else's first video.
     *
     * @param videosAhead {@link VideoRepository#processingAhead}
     */
    public static int fair(int priority, int videosAhead) {
        return priority + PRIORITY_PER_VIDEO_AHEAD * videosAhead;
    }

    private VideoJobs() {}
}
