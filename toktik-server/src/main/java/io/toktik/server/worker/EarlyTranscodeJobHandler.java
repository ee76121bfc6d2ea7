package io.toktik.server.worker;

import io.toktik.core.queue.Job;
import io.toktik.core.queue.JobHandler;
import io.toktik.core.queue.JobQueue;
import io.toktik.core.queue.JobRequest;
import io.toktik.core.queue.JobRunner;
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
import java.util.function.BooleanSupplier;
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
 * encode and, if the ladder is planned, enqueues the rendition's normal transcode job in the same transaction; once
 * an adopted encode is complete, it forgets it. So a rendition has one writer at a time, and a video is never left
 * half-made: the normal path is always behind it. Rows are those of this job's upload only: a terminated upload's
 * encode is abandoned, not forgotten, so a later upload of the video starts none until this one has cleaned up.
 *
 * <p>The job holds its thread for as long as the upload arrives, so it encodes only on a thread reserved for it
 * ({@link JobRunner#onReservedThread()}); elsewhere it hands the rendition back at once, and the normal path makes it.
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
    private final BooleanSupplier onOwnThread;

    /** @param onOwnThread whether the job runs on a thread of its own, which it may hold while the upload arrives */
    EarlyTranscodeJobHandler(VideoRepository videos, EarlyEncodes early, UploadRepository uploads, BlobStore blobs,
                             JobQueue jobs, TransactionTemplate tx, MediaWorkspace workspace, MediaProber prober,
                             LadderPlanner planner, HlsEncoder encoder, RenditionPublisher publisher,
                             ProbeJobHandler probe, Clock clock, BooleanSupplier onOwnThread) {
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
        this.onOwnThread = onOwnThread;
    }

    @Override
    public String kind() {
        return VideoJobs.EARLY;
    }

    @Override
    public void handle(Job job) throws Exception {
        UUID videoId = job.videoId();
        UUID uploadId = UUID.fromString(job.payload());
        EarlyEncode row = early.find(videoId, uploadId).orElse(null);
        if (row == null || row.state() == State.ABANDONED || !onOwnThread.getAsBoolean()) {
            if (row != null && row.state() != State.ABANDONED) {
                log.info("Video {}: no thread of its own for an early encode here; the normal path makes the rendition", videoId);
            }
            handBack(videoId, uploadId);
            return;
        }
        ArrivingSource source = new ArrivingSource(blobs, uploads, videos, videoId, uploadId,
                () -> early.find(videoId, uploadId).filter(e -> e.state() != State.ABANDONED).isPresent(), clock);
        try (WorkArea area = workspace.open(job); source) {
            if (encode(videoId, uploadId, source, area)) {
                early.forget(videoId, uploadId); // complete and listed: a job delivered again has nothing left to do
            } else {
                handBack(videoId, uploadId);
            }
        } catch (ArrivingSource.Stopped | MediaException e) {
            if (Thread.currentThread().isInterrupted()) throw e; // the worker stops: the job runs again
            log.info("Video {}: the early encode stops ({}); the normal path takes over", videoId,
                    source.stopped().map(s -> "its source stopped: " + s.getMessage()).orElse(e.toString()));
            handBack(videoId, uploadId);
        }
    }

    /** @return true when the rendition is adopted and complete; false when it must be handed back */
    private boolean encode(UUID videoId, UUID uploadId, ArrivingSource source, WorkArea area) throws Exception {
        Head head = readHead(source, area);
        MediaInfo info = head.info();
        Rendition rendition = planner.plan(info).getFirst();
        if (!early.plan(videoId, uploadId, rendition.name(), HlsEncoder.pipedPlan(info, List.of(rendition), OPTIONS))) return false;
        log.info("Video {}: encoding {} while the upload arrives", videoId, rendition.name());
        Path out = area.resolve("hls");
        long started = System.nanoTime();
        try (SequenceInputStream whole = new SequenceInputStream(new ByteArrayInputStream(head.bytes()), source)) {
            boolean adopted = growing.run(videoId, info, rendition, out, true, () -> state(videoId, uploadId) == State.ADOPTED,
                    () -> encoder.encode(whole, info, List.of(rendition), out, OPTIONS, fraction -> {}, RUN_LIMIT),
                    () -> judged(videoId, uploadId, area) == State.ADOPTED);
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

    /** Where this upload's early encode stands; abandoned when it is no longer recorded. */
    private State state(UUID videoId, UUID uploadId) {
        return early.find(videoId, uploadId).map(EarlyEncode::state).orElse(State.ABANDONED);
    }

    /**
     * The verdict on the encode, once the source is complete: the upload's probe gives it, or — when that job has
     * not run yet — the same probe run here. Not adopted then, it never will be.
     */
    private State judged(UUID videoId, UUID uploadId, WorkArea area) throws Exception {
        if (state(videoId, uploadId) == State.ENCODING) probe.probeAndPlan(videoId, area);
        return state(videoId, uploadId);
    }

    /**
     * Stops being the rendition's writer. Unless adopted, deletes what the encode stored; then forgets it and, when
     * the ladder is planned, enqueues the lowest rendition's normal job — in one transaction under the video's lock,
     * which the probe also takes, so the rendition is enqueued exactly once whichever comes first. An encode of this
     * upload no longer recorded stored nothing: it was forgotten before it planned (the probe judged it), or it has
     * handed back already.
     */
    private void handBack(UUID videoId, UUID uploadId) throws IOException {
        Optional<EarlyEncode> row = early.abandon(videoId, uploadId);
        Optional<Video> video = videos.findById(videoId);
        if (video.isEmpty()) {
            blobs.deleteAll(BlobKeys.videoPrefix(videoId)); // deleted meanwhile: leave nothing behind
            return;
        }
        if (row.isEmpty()) return;
        boolean adopted = row.get().state() == State.ADOPTED;
        if (!adopted && row.get().rendition() != null) deleteStored(video.get(), row.get().rendition());
        tx.executeWithoutResult(s -> {
            if (!videos.lock(videoId) || !early.forget(videoId, uploadId)) return;
            Video now = videos.findById(videoId).orElseThrow();
            Optional<RenditionInfo> lowest = now.renditions().stream().filter(r -> !r.isAudio()).findFirst();
            if (lowest.isPresent() && !lowest.get().complete() && now.status() != VideoStatus.FAILED) {
                jobs.enqueue(new JobRequest(VideoJobs.TRANSCODE, videoId, lowest.get().name(),
                        VideoJobs.fair(VideoJobs.PRIORITY_FIRST_RENDITION, videos.processingAhead(videoId))));
            }
        });
        log.info("Video {}: early encode handed back{}", videoId, adopted ? " (adopted: its segments stay)" : "");
    }

    /**
     * Deletes the folders the encode wrote: while the video is uploading, all its HLS files (nothing else writes them,
     * and this encode holds the video's one early row until it is forgotten); after, its rendition's and the audio's,
     * which only the lowest rendition's normal job writes, and that job waits for this hand-back — but never the
     * folder of a rung the probe planned above the lowest (the head planned another lowest rung than the whole file):
     * that rung's normal job writes it.
     */
    private void deleteStored(Video video, String rendition) throws IOException {
        if (video.status() == VideoStatus.UPLOADING) {
            blobs.deleteAll(BlobKeys.hls(video.id(), ""));
            return;
        }
        boolean higherRung = video.renditions().stream().filter(r -> !r.isAudio()).skip(1).anyMatch(r -> r.name().equals(rendition));
        if (!higherRung) blobs.deleteAll(BlobKeys.hls(video.id(), rendition + "/"));
        blobs.deleteAll(BlobKeys.hls(video.id(), HlsEncoder.AUDIO + "/"));
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
