package io.toktik.core.upload;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Part-sized byte arrays kept for the next chunk. A part buffer is megabytes long, which G1 allocates as a humongous
 * object; one fresh array per chunk fragments a small heap until allocating the next one needs a full collection
 * (measured: four 90–180 ms full pauses per GiB uploaded at -Xmx256m). At most {@code kept} arrays are kept; more
 * chunks at once than that get fresh arrays, which are then dropped, so memory stays bounded as before.
 */
final class PartBuffers {
    private final int size;
    private final BlockingQueue<byte[]> free;

    PartBuffers(int size, int kept) {
        this.size = size;
        this.free = new ArrayBlockingQueue<>(kept);
    }

    /** A buffer of {@link #size()} bytes, with whatever an earlier chunk left in it. */
    byte[] take() {
        byte[] buffer = free.poll();
        return buffer != null ? buffer : new byte[size];
    }

    /** Hands a buffer from {@link #take()} back; it is dropped when enough are kept already. */
    void give(byte[] buffer) {
        if (buffer.length == size) free.offer(buffer);
    }

    int size() {
        return size;
    }
}
