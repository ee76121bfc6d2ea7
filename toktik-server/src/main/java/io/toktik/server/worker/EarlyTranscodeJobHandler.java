package io.toktik.server.worker;

import io.toktik.core.queue.Job;
import io.toktik.core.queue.JobHandler;
import io.toktik.core.queue.JobQueue;
import io.toktik.core.queue.JobRequest;
import io.toktik.core.storage.BlobKeys;
import io.toktik.core.storage.BlobStore;
import io.toktik.core.upload.EarlyStart;
import io.toktik.core.upload.UploadRepository;
import io.toktik.core.video.EarlyEncodes;
import io.toktik.core.video.EarlyEncodes.EarlyEncode;
import io.toktik.core.video.EarlyEncodes.State;
import io.toktik.core.video.RenditionInfo;
import io.toktik.core.video.Video;
import io.toktik.core.video.VideoJobs;
import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.VideoStatus;
import io.toktik.media.EncodeOptions;
import io.toktik.media.HlsEncoder;
import io.toktik.media.LadderPlanner;
import io.toktik.media.MediaException;
import io.toktik.media.MediaInfo;
import io.toktik.media.MediaProber;
import io.toktik.media.Rendition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Encodes a video's lowest rendition while its upload still arrives ({@link io.toktik.core.upload.EarlyStart}):
 * probes the first MiBs, plans the rendition as the upload's probe will, records that plan, then feeds ffmpeg the
 * source as it arrives ({@link ArrivingSource}) and stores the segments as they come — unlisted, the video being
 * still UPLOADING. The upload's probe judges the encode ({@link EarlyEncodes#judge}); this job (or the probe, whichever
 * comes first once the source is complete) lists the rendition once it is adopted, which makes the video READY at
 * once when segments are stored. Whenever the encode is not adopted — abandoned, failed, the upload terminated — it
 * hands the rendition back: deletes what it stored (unless adopted: a normal job then resumes from it), forgets the
 * encode and, if the ladder is planned, enqueues the rendition's normal transcode job in the same transaction. So a
 * rendition has one writer at a time, and a video is never left half-made: the normal path is always behind it.
 */
final class EarlyTranscodeJobHandler implements JobHandler {
    private static final Logger log = LoggerFactory.getLogger(EarlyTranscodeJobHandler.class);
    /**
     * A growing playlist, the audio (if any) as a rendition of its own: the other renditions are then video only,
     * whether the source turns out long (chunked) or short.
     */
    static final EncodeOptions OPTIONS = new EncodeOptions(EncodeOptions.PlaylistType.EVENT, EncodeOptions.Span.WHOLE,
            EncodeOptions.AudioLayout.SEPARATE);
    /** The head probed first; doubled (up to {@link #MAX_HEAD_BYTES}) while the probe cannot read it. */
    private static final int HEAD_BYTES = (int) EarlyStart.HEAD_BYTES;
    private static final int MAX_HEAD_BYTES = 64 * 1024 * 1024;
    /**
     * Bounds ffmpeg's run, the upload's own time included; an upload that stalls ends the run sooner (when it
     * expires), so this only stops an encoder that hangs.
     */
    private static final Duration RUN_LIMIT = Duration.ofDays(1);

    private final VideoRepository videos;
    private final EarlyEncodes early;
    private final UploadRepository uploads;
    private final BlobStore blobs;
    private final JobQueue jobs;
    private final TransactionTemplate tx;
    private final MediaWorkspace workspace;
    private final MediaProber prober;
    private final LadderPlanner planner;
    private final HlsEncoder encoder;
    private final GrowingEncode growing;
    private final ProbeJobHandler probe;
    private final Clock clock;

    EarlyTranscodeJobHandler(VideoRepository videos, EarlyEncodes early, UploadRepository uploads, BlobStore blobs,
                             JobQueue jobs, TransactionTemplate tx, MediaWorkspace workspace, MediaProber prober,
                             LadderPlanner planner, HlsEncoder encoder, RenditionPublisher publisher,
                             ProbeJobHandler probe, Clock clock) {
        this.videos = videos;
        this.early = early;
        this.uploads = uploads;
        this.blobs = blobs;
        this.jobs = jobs;
        this.tx = tx;
        this.workspace = workspace;
        this.prober = prober;
        this.planner = planner;
        this.encoder = encoder;
        this.growing = new GrowingEncode(blobs, publisher);
        this.probe = probe;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return VideoJobs.EARLY;
    }

    @Override
    public void handle(Job job) throws Exception {
        UUID videoId = job.videoId();
        UUID uploadId = UUID.fromString(job.payload());
        EarlyEncode row = early.find(videoId).orElse(null);
        if (row == null || row.state() == State.ABANDONED) {
            handBack(videoId, uploadId);
            return;
        }
        ArrivingSource source = new ArrivingSource(blobs, uploads, videos, videoId, uploadId,
                () -> mine(videoId, uploadId).filter(e -> e.state() != State.ABANDONED).isPresent(), clock);
        try (WorkArea area = workspace.open(job); source) {
            if (!encode(videoId, source, area)) handBack(videoId, uploadId);
        } catch (ArrivingSource.Stopped | MediaException e) {
            if (Thread.currentThread().isInterrupted()) throw e; // the worker stops: the job runs again
            log.info("Video {}: the early encode stops ({}); the normal path takes over", videoId,
                    source.stopped().map(s -> "its source stopped: " + s.getMessage()).orElse(e.toString()));
            handBack(videoId, uploadId);
        }
    }

    /** @return true when the rendition is adopted and complete; false when it must be handed back */
    private boolean encode(UUID videoId, ArrivingSource source, WorkArea area) throws Exception {
        Head head = readHead(source, area);
        MediaInfo info = head.info();
        Rendition rendition = planner.plan(info).getFirst();
        if (!early.plan(videoId, rendition.name(), HlsEncoder.pipedPlan(info, List.of(rendition), OPTIONS))) return false;
        log.info("Video {}: encoding {} while the upload arrives", videoId, rendition.name());
        Path out = area.resolve("hls");
        long started = System.nanoTime();
        try (SequenceInputStream whole = new SequenceInputStream(new ByteArrayInputStream(head.bytes()), source)) {
            boolean adopted = growing.run(videoId, info, rendition, out, true, () -> isAdopted(videoId),
                    () -> encoder.encode(whole, info, List.of(rendition), out, OPTIONS, fraction -> {}, RUN_LIMIT),
                    () -> judged(videoId, area) == State.ADOPTED);
            if (adopted) log.info("Video {}: encoded {} from the arriving upload in {} ms", videoId, rendition.name(),
                    (System.nanoTime() - started) / 1_000_000);
            return adopted;
        }
    }

    /** The source's first bytes (fed to the encoder before the rest) and what probing them found. */
    private record Head(byte[] bytes, MediaInfo info) {}

    /** Reads the source's head, through a file in the work area, until the prober can read it (or the source ends). */
    private Head readHead(ArrivingSource source, WorkArea area) throws IOException, MediaException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (int want = HEAD_BYTES; ; want *= 2) {
            head.writeBytes(source.readNBytes(want - head.size()));
            Files.write(area.resolve("head"), head.toByteArray());
            try {
                return new Head(head.toByteArray(), prober.probe(area.resolve("head")));
            } catch (MediaException e) {
                if (head.size() < want || want >= MAX_HEAD_BYTES) throw e;
            }
        }
    }

    /** The video's early encode, if it is the one reading this upload. */
    private Optional<EarlyEncode> mine(UUID videoId, UUID uploadId) {
        return early.find(videoId).filter(e -> e.uploadId().equals(uploadId));
    }

    private boolean isAdopted(UUID videoId) {
        return early.find(videoId).map(e -> e.state() == State.ADOPTED).orElse(false);
    }

    /**
     * The verdict on the encode, once the source is complete: the upload's probe gives it, or — when that job has
     * not run yet — the same probe run here. Not adopted then, it never will be.
     */
    private State judged(UUID videoId, WorkArea area) throws Exception {
        if (early.find(videoId).map(e -> e.state() == State.ENCODING).orElse(false)) probe.probeAndPlan(videoId, area);
        return early.abandon(videoId).orElse(State.ABANDONED);
    }

    /**
     * Stops being the rendition's writer. Unless adopted, deletes what the encode stored; then forgets it and, when
     * the ladder is planned, enqueues the lowest rendition's normal job — in one transaction under the video's lock,
     * which the probe also takes, so the rendition is enqueued exactly once whichever comes first.
     */
    private void handBack(UUID videoId, UUID uploadId) throws IOException {
        if (early.find(videoId).filter(e -> !e.uploadId().equals(uploadId)).isPresent()) return; // a later upload's now
        Optional<EarlyEncode> row = early.abandon(videoId).flatMap(state -> early.find(videoId));
        Optional<Video> video = videos.findById(videoId);
        if (video.isEmpty()) {
            blobs.deleteAll(BlobKeys.videoPrefix(videoId)); // deleted meanwhile: leave nothing behind
            return;
        }
        boolean adopted = row.map(e -> e.state() == State.ADOPTED).orElse(false);
        // Files nobody lists, written by this encode only: its rendition, or — the upload terminated took the row
        // along, the video still waits for a source — whatever it stored.
        if (!adopted && row.isPresent() && row.get().rendition() != null) {
            blobs.deleteAll(BlobKeys.hls(videoId, row.get().rendition() + "/"));
            blobs.deleteAll(BlobKeys.hls(videoId, HlsEncoder.AUDIO + "/"));
        } else if (row.isEmpty() && video.get().status() == VideoStatus.UPLOADING) {
            blobs.deleteAll(BlobKeys.hls(videoId, ""));
        }
        if (row.isEmpty()) return;
        tx.executeWithoutResult(s -> {
            if (!videos.lock(videoId) || !early.forget(videoId)) return;
            Video now = videos.findById(videoId).orElseThrow();
            Optional<RenditionInfo> lowest = now.renditions().stream().filter(r -> !r.isAudio()).findFirst();
            if (lowest.isPresent() && !lowest.get().complete() && now.status() != VideoStatus.FAILED) {
                jobs.enqueue(new JobRequest(VideoJobs.TRANSCODE, videoId, lowest.get().name(),
                        VideoJobs.fair(VideoJobs.PRIORITY_FIRST_RENDITION, videos.processingAhead(videoId))));
            }
        });
        log.info("Video {}: early encode handed back{}", videoId, adopted ? " (adopted: its segments stay)" : "");
    }

    @Override
    public void onGiveUp(Job job, Exception lastError) {
        try {
            handBack(job.videoId(), UUID.fromString(job.payload()));
        } catch (IOException | RuntimeException e) {
            log.warn("Video {}: could not hand back the early encode: {}", job.videoId(), e.toString());
        }
    }
}
