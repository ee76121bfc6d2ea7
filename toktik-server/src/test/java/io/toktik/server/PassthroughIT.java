package io.toktik.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A source that already is a rung (H.264 at its size, bitrate and keyframe interval) is packaged, not re-encoded. */
class PassthroughIT extends ServerIT {

    @Test
    void aSourceFitForTheTopRung_isPackagedAsItIs_evenWhenLongEnoughToChunk() {
        JsonNode video = api.uploadAndAwaitComplete(api.newUser("copier"),
                Playback.clips().hlsReady(2, Duration.ofSeconds(20)));
        assertThat(video.get("status").asString()).as(String.valueOf(video.get("error"))).isEqualTo("READY");

        String master = api.url(video.get("hlsUrl").asString());
        String top = api.get(master, null).text().lines().filter(l -> l.contains("RESOLUTION=640x360")).findFirst().orElseThrow();
        assertThat(top).as("the source's Baseline profile; the encoder would have made Main").contains("CODECS=\"avc1.42");
        Playback.assertDecodesCompletely(master, 2);
    }
}
