package io.toktik.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.tests.TestClips;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Seek previews (storyboards) and posters of short and unlisted videos, fetched the way a player fetches them. */
class StoryboardIT extends ServerIT {
    private static final Pattern CUE_TARGET = Pattern.compile("(?m)^(\\S+)#xywh=(\\d+),(\\d+),(\\d+),(\\d+)$");
    private static TestClips clips;

    @BeforeAll
    static void clips() {
        clips = Playback.clips();
    }

    @Test
    void publicVideo_getsAStoryboardWhoseCuesPointIntoTheServedSprite() throws Exception {
        String token = api.newUser("storyboarder");
        JsonNode draft = create(token, "PUBLIC");
        assertThat(draft.get("storyboard").isNull()).as("no storyboard before processing").isTrue();

        JsonNode video = upload(draft, token, clips.landscape(Duration.ofSeconds(5)));

        String id = video.get("id").asString();
        assertThat(video.get("storyboard").get("imageUrl").asString()).isEqualTo("/media/" + id + "/storyboard/sprite.jpg");
        assertThat(video.get("storyboard").get("vttUrl").asString()).isEqualTo("/media/" + id + "/storyboard/storyboard.vtt");
        assertThat(cuesServedFromTheSprite(video)).hasSize(3);
    }

    @Test
    void unlistedVideo_storyboardIsServedOnlyUnderItsTokenUrl() throws Exception {
        String token = api.newUser("unlisted_storyboards");
        JsonNode video = upload(create(token, "UNLISTED"), token, clips.landscape(Duration.ofSeconds(3)));

        String vttUrl = video.get("storyboard").get("vttUrl").asString();
        assertThat(vttUrl).contains("/t/");
        assertThat(cuesServedFromTheSprite(video)).hasSize(2);
        String plain = vttUrl.replaceFirst("/t/[^/]+/", "/");
        assertThat(api.get(plain, null).status()).isEqualTo(404);
        assertThat(api.get(plain.replace("storyboard.vtt", "sprite.jpg"), null).status()).isEqualTo(404);
    }

    @Test
    void halfSecondVideo_isPlayableWithAPosterAndAOneTileStoryboard() throws Exception {
        String token = api.newUser("very_short");
        JsonNode video = upload(create(token, "PUBLIC"), token, clips.halfSecond());

        Playback.assertDecodesCompletely(api.url(video.get("hlsUrl").asString()), video.get("renditions").size());
        TestApi.Response poster = api.get(video.get("thumbnailUrl").asString(), null);
        assertThat(poster.status()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(poster.body())).getWidth()).isEqualTo(320);
        assertThat(cuesServedFromTheSprite(video)).hasSize(1);
    }

    /** Fetches the VTT anonymously, resolves each cue's image URL against it, and checks that every tile lies in the served sprite. */
    private List<String> cuesServedFromTheSprite(JsonNode video) throws Exception {
        TestApi.Response vtt = api.get(video.get("storyboard").get("vttUrl").asString(), null);
        assertThat(vtt.status()).isEqualTo(200);
        assertThat(vtt.header("Content-Type")).startsWith("text/vtt");
        assertThat(vtt.text()).startsWith("WEBVTT");
        URI vttUri = URI.create(api.url(video.get("storyboard").get("vttUrl").asString()));
        Matcher cue = CUE_TARGET.matcher(vtt.text());
        List<String> targets = new java.util.ArrayList<>();
        BufferedImage sprite = null;
        while (cue.find()) {
            String image = vttUri.resolve(cue.group(1)).toString();
            assertThat(image).isEqualTo(api.url(video.get("storyboard").get("imageUrl").asString()));
            if (sprite == null) {
                TestApi.Response fetched = api.get(image, null);
                assertThat(fetched.status()).isEqualTo(200);
                assertThat(fetched.header("Content-Type")).isEqualTo("image/jpeg");
                sprite = ImageIO.read(new ByteArrayInputStream(fetched.body()));
            }
            assertThat(Integer.parseInt(cue.group(2)) + Integer.parseInt(cue.group(4))).isLessThanOrEqualTo(sprite.getWidth());
            assertThat(Integer.parseInt(cue.group(3)) + Integer.parseInt(cue.group(5))).isLessThanOrEqualTo(sprite.getHeight());
            targets.add(cue.group());
        }
        return targets;
    }

    /** Uploads the clip and waits until the video is READY with its poster and storyboard. */
    private JsonNode upload(JsonNode draft, String token, Path clip) throws InterruptedException {
        return new Uploads(api).upload(draft, token, clip, v -> v.get("status").asString().equals("READY")
                && !v.get("storyboard").isNull() && !v.get("thumbnailUrl").isNull());
    }

    private JsonNode create(String token, String visibility) {
        return new Uploads(api).create(token, visibility);
    }
}
