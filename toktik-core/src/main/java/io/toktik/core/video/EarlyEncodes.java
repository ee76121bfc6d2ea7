package io.toktik.core.video;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Encodes of a video's lowest rendition started while its upload still arrives (the {@code early_encodes} table).
 * Every change is conditional on the row's state, so the early job and the upload's probe cannot both decide who
 * writes the rendition: the probe adopts the early encode when it planned the very same one, else abandons it.
 */
public final class EarlyEncodes {
    private final JdbcClient jdbc;

    public EarlyEncodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where an early encode stands. */
    public enum State {
        /** Running (or about to) from the parts stored so far; nobody has judged it yet. */
        ENCODING,
        /** The probe planned the same encode: the early job is the rendition's writer, and may publish it. */
        ADOPTED,
        /** Not wanted: the early job deletes what it stored and hands the rendition back to a normal job. */
        ABANDONED
    }

    /** An early encode: which upload it reads, and once planned, which rendition with which encoder arguments. */
    public record EarlyEncode(UUID videoId, UUID uploadId, State state, String rendition, String plan) {}

    /** Records an early encode of the video from this upload; false when the video has one already. */
    public boolean start(UUID videoId, UUID uploadId) {
        return jdbc.sql("insert into early_encodes (video_id, upload_id) values (?, ?) on conflict (video_id) do nothing")
                .params(videoId, uploadId).update() == 1;
    }

    /** The video's early encode, whichever upload it reads (at most one: a later upload's waits for it to be forgotten). */
    public Optional<EarlyEncode> find(UUID videoId) {
        return jdbc.sql("select video_id, upload_id, state, rendition, plan from early_encodes where video_id = ?")
                .param(videoId).query(EarlyEncodes::row).optional();
    }

    /** The video's early encode when it is the one reading this upload. */
    public Optional<EarlyEncode> find(UUID videoId, UUID uploadId) {
        return jdbc.sql("select video_id, upload_id, state, rendition, plan from early_encodes where video_id = ? and upload_id = ?")
                .params(videoId, uploadId).query(EarlyEncodes::row).optional();
    }

    private static EarlyEncode row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new EarlyEncode(rs.getObject("video_id", UUID.class), rs.getObject("upload_id", UUID.class),
                State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), rs.getString("rendition"), rs.getString("plan"));
    }

    /**
     * Records what the early job reading this upload encodes, unless it was abandoned or forgotten meanwhile, or
     * planned otherwise before (an earlier attempt's plan stands).
     *
     * @return whether the early job may go on: the row is there, not abandoned, and holds this plan
     */
    public boolean plan(UUID videoId, UUID uploadId, String rendition, String plan) {
        jdbc.sql("""
                update early_encodes set rendition = ?, plan = ?
                where video_id = ? and upload_id = ? and state <> 'abandoned' and plan is null""")
                .params(rendition, plan, videoId, uploadId).update();
        return find(videoId, uploadId).filter(e -> e.state() != State.ABANDONED && plan.equals(e.plan())).isPresent();
    }

    /**
     * The probe's verdict, in its transaction. An early encode not planned yet has written nothing: it is forgotten
     * (its job, finding no row, stops), and the rendition is the probe's to enqueue. One still {@link State#ENCODING}
     * is adopted when it planned exactly {@code plan}, else abandoned. Returns the state after (an earlier verdict
     * stands); empty when the video has no early encode (left).
     */
    public Optional<State> judge(UUID videoId, String plan) {
        jdbc.sql("delete from early_encodes where video_id = ? and plan is null").param(videoId).update();
        jdbc.sql("""
                update early_encodes set state = case when plan = ? then 'adopted' else 'abandoned' end
                where video_id = ? and state = 'encoding'""").params(plan, videoId).update();
        return find(videoId).map(EarlyEncode::state);
    }

    /**
     * Gives up the early encode reading this upload unless it was adopted (an upload terminated, a job that stops);
     * returns it after, empty when there is none.
     */
    public Optional<EarlyEncode> abandon(UUID videoId, UUID uploadId) {
        jdbc.sql("update early_encodes set state = 'abandoned' where video_id = ? and upload_id = ? and state = 'encoding'")
                .params(videoId, uploadId).update();
        return find(videoId, uploadId);
    }

    /**
     * Forgets the early encode reading this upload, once its job has cleaned up or finished; true when there was
     * one. Only then may a later upload of the video start one.
     */
    public boolean forget(UUID videoId, UUID uploadId) {
        return jdbc.sql("delete from early_encodes where video_id = ? and upload_id = ?").params(videoId, uploadId).update() == 1;
    }
}
