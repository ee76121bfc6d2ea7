package io.toktik.core.upload;

import io.toktik.core.storage.MultipartUploads.StoredPart;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Uploads in progress and their stored parts. Changes are conditional on the offset, so two writers cannot both win. */
public final class UploadRepository {
    private final JdbcClient jdbc;

    public UploadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Upload u) {
        jdbc.sql("""
                insert into uploads (id, video_id, owner_id, length, received, metadata, store_handle, expires_at)
                values (?, ?, ?, ?, 0, ?, ?, ?)""")
                .params(u.id(), u.videoId(), u.ownerId(), u.length(), u.metadata(), u.storeHandle(), Timestamp.from(u.expiresAt()))
                .update();
    }

    public Optional<Upload> find(UUID id) {
        return jdbc.sql("select * from uploads where id = ?").param(id).query(UploadRepository::upload).optional();
    }

    /** The parts kept so far, in the order of their bytes. */
    public List<StoredPart> parts(UUID uploadId) {
        return jdbc.sql("select number, tag, size from upload_parts where upload_id = ? order by number")
                .param(uploadId)
                .query((rs, n) -> new StoredPart(rs.getInt("number"), rs.getString("tag"), rs.getLong("size")))
                .list();
    }

    /**
     * A part number no other request of this upload has used or will use, if the upload is still at offset
     * {@code received}; empty when it moved on or is gone. One statement, whose commit does not wait for the disk
     * ({@code set_config} turns synchronous commit off for its own transaction only): a part is only ever recorded by
     * a later, durable commit, which makes this one durable too (the log is written in order), and a number lost in a
     * crash was never recorded anywhere. Run it outside a transaction, which it would make asynchronous too.
     */
    public Optional<Integer> reservePartNumber(UUID uploadId, long received) {
        return jdbc.sql("""
                update uploads set next_part = next_part + 1
                where id = ? and received = ? and set_config('synchronous_commit', 'off', true) = 'off'
                returning next_part - 1""")
                .params(uploadId, received).query(Integer.class).optional();
    }

    /**
     * Records a chunk in one statement: the new offset, its parts, the new tail and expiry, if the upload is still at
     * {@code before}'s offset and, when {@code unlessOvertaken}, no part number was reserved after the chunk's last
     * part (a request that took one may be writing over the chunk's bytes, and so must be the one that wins).
     *
     * @param parts in the order of their numbers
     * @return false when the upload moved meanwhile, was overtaken, or is gone; nothing is recorded then
     */
    public boolean recordChunk(Upload before, long received, List<StoredPart> parts, String tailKey, long tailLength, Instant expiresAt,
            boolean unlessOvertaken) {
        int nextPartAtMost = unlessOvertaken && !parts.isEmpty() ? parts.getLast().number() + 1 : Integer.MAX_VALUE;
        return jdbc.sql("""
                with moved as (
                    update uploads set received = ?, tail_key = ?, tail_length = ?, expires_at = ?
                    where id = ? and received = ? and next_part <= ?
                    returning id),
                kept as (
                    insert into upload_parts (upload_id, number, tag, size)
                    select moved.id, p.number, p.tag, p.size
                    from moved, unnest(?::int[], ?::varchar[], ?::bigint[]) as p (number, tag, size))
                select count(*) from moved""")
                .params(received, tailKey, tailLength, Timestamp.from(expiresAt), before.id(), before.received(), nextPartAtMost,
                        parts.stream().map(StoredPart::number).toArray(Integer[]::new),
                        parts.stream().map(StoredPart::tag).toArray(String[]::new),
                        parts.stream().map(StoredPart::size).toArray(Long[]::new))
                .query(Integer.class).single() == 1;
    }

    public boolean delete(UUID id) {
        return jdbc.sql("delete from uploads where id = ?").param(id).update() == 1;
    }

    /** Uploads that expired before {@code now}, oldest first. */
    public List<Upload> expired(Instant now, int limit) {
        return jdbc.sql("select * from uploads where expires_at <= ? order by expires_at limit ?")
                .params(Timestamp.from(now), limit).query(UploadRepository::upload).list();
    }

    private static Upload upload(ResultSet rs, int n) throws SQLException {
        return new Upload(rs.getObject("id", UUID.class), rs.getObject("video_id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getLong("length"), rs.getLong("received"), rs.getString("metadata"), rs.getString("store_handle"),
                rs.getString("tail_key"), rs.getLong("tail_length"), rs.getTimestamp("expires_at").toInstant());
    }
}
