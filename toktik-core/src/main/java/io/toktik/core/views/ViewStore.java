package io.toktik.core.views;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Adds batches of views to {@code videos.view_count}, each batch id once, and records who watched what. */
public final class ViewStore {
    private final JdbcClient jdbc;

    public ViewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies the batch unless its id was applied before; call it in a transaction. A second node applying the
     * same batch waits on the first one's row and then finds it there.
     *
     * @return the new view count of each video the batch raised; empty when the batch was applied before
     */
    public Map<UUID, Long> apply(ViewBatch batch) {
        boolean first = jdbc.sql("insert into view_batches (id) values (?) on conflict (id) do nothing")
                .param(batch.id()).update() == 1;
        if (!first) return Map.of();
        Map<UUID, Long> totals = new HashMap<>();
        batch.counts().forEach((video, n) -> jdbc.sql(
                        "update videos set view_count = view_count + ? where id = ? returning view_count")
                .params(n, video).query(Long.class).optional()
                .ifPresent(total -> totals.put(video, total)));
        for (ViewBatch.Watch w : batch.watched()) {
            jdbc.sql("""
                    insert into watched_videos (user_id, video_id)
                    select ?, ? where exists (select 1 from videos where id = ?) and exists (select 1 from users where id = ?)
                    on conflict (user_id, video_id) do update set watched_at = now()""")
                    .params(w.userId(), w.videoId(), w.videoId(), w.userId()).update();
        }
        return totals;
    }

    /** Forgets applied batch ids older than a day: a batch is applied or redone within seconds. */
    public void forgetOldBatches() {
        jdbc.sql("delete from view_batches where applied_at < now() - interval '1 day'").update();
    }
}
