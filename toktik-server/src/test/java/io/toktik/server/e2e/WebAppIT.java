package io.toktik.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.toktik.server.Playback;
import io.toktik.server.ServerIT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import tools.jackson.databind.JsonNode;

/**
 * The web app in real headless Chromium against the all-in-one server: sign up, upload a generated clip and follow
 * it through processing, play it in the feed and on its watch page (quality menu, storyboard thumbnails on the
 * scrub bar), like and comment in one browser and see both counts move live in another, find it by hashtag.
 * Screenshots of each page at phone and desktop size land in {@code target/screenshots/}.
 */
class WebAppIT extends ServerIT {

    @BeforeEach
    void chromiumIsThere() {
        // Skipped on a developer machine without Chromium; on CI a missing browser must fail the build.
        assumeTrue(Files.isExecutable(Browser.CHROMEDRIVER) || "true".equals(System.getenv("CI")),
                "no /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
    }

    @Test
    void signUp_upload_watch_likeAndCommentLive_search() {
        String tag = "e2e" + UUID.randomUUID().toString().substring(0, 6);
        Path clip = Playback.clips().portrait(Duration.ofSeconds(6));
        String base = api.url("");
        try (Browser ana = new Browser(base, Browser.DESKTOP); Browser ben = new Browser(base, Browser.PHONE)) {
            try {
                String anaName = signUp(ana, "ana");
                String videoId = upload(ana, clip, "Morning run #" + tag, "Six seconds of colour bars. #toktik #" + tag);
                // Resumable (tus) where the server offers it, else the plain PUT: the page asks as any client would.
                boolean tus = api.send("OPTIONS", "/api/uploads").header("Tus-Version") != null;
                assertThat(ana.find(".upload-progress").getAttribute("data-transport")).isEqualTo(tus ? "tus" : "put");

                ana.open("/latest");
                ana.find("article.slide[data-video-id='" + videoId + "']");
                ana.waitUntilPlayedPast("article.slide[data-video-id='" + videoId + "'] video", 2);
                ana.screenshot("feed-desktop");

                String sprite = storyboardOf(videoId);
                ana.open("/v/" + videoId); // a deep link, loaded from the server as a shared link would be
                ana.waitUntilPlayedPast(".watch-stage video", 2);
                chooseLowestQuality(ana);
                ana.find(".comment-status .state-empty");
                ana.hover(".scrub", 0.75);
                ana.until(d -> ana.find(".scrub-preview .preview-image").getCssValue("background-image").contains(sprite));
                ana.screenshot("watch-desktop");

                signUp(ben, "ben");
                ben.open("/latest");
                ben.waitUntilPlayedPast("article.slide[data-video-id='" + videoId + "'] video", 2);
                ben.screenshot("feed-phone");
                ben.open("/v/" + videoId);
                ben.waitUntilPlayedPast(".watch-stage video", 2);
                assertThat(count(ben, ".watch-actions .like")).isZero();
                assertThat(count(ben, ".watch-actions .comments")).isZero();

                ana.find(".watch-actions .like").click();
                String text = "Lovely colours <b>not bold</b> #" + tag;
                ana.find(".comments-box form.composer textarea").sendKeys(text);
                ana.find(".comments-box form.composer button[type=submit]").click();

                // Ben did nothing: both counts and the comment reach him over the realtime gateway.
                ben.until(d -> count(ben, ".watch-actions .like") == 1 && count(ben, ".watch-actions .comments") == 1);
                ben.until(d -> ben.all(".comment-list .comment-text").stream().anyMatch(e -> e.getText().equals(text)));
                ben.screenshot("watch-phone");

                ana.find("#search-input").sendKeys("#" + tag, Keys.ENTER);
                ana.find(".grid .tile[data-video-id='" + videoId + "']");
                assertThat(ana.path()).isEqualTo("/search?q=%23" + tag);

                ana.open("/@" + anaName);
                ana.find(".grid .tile[data-video-id='" + videoId + "'] img");
                ana.screenshot("profile-desktop");
                ben.open("/@" + anaName);
                ben.find(".grid .tile[data-video-id='" + videoId + "'] img");
                ben.screenshot("profile-phone");
                ben.open("/upload");
                ben.find(".dropzone");
                ben.screenshot("upload-phone");
            } catch (AssertionError | RuntimeException e) {
                System.err.println("ana's console:\n" + ana.consoleLog() + "\nben's console:\n" + ben.consoleLog());
                ana.screenshot("failure-desktop");
                ben.screenshot("failure-phone");
                throw e;
            }
        }
    }

    @Test
    void storyboardCues_nameTheirSpriteTile_resolvedAgainstTheVtt() {
        try (Browser browser = new Browser(api.url(""), Browser.DESKTOP)) {
            browser.open("/");
            Object cues = browser.js("""
                    return import('/js/controls.js').then(m => m.parseStoryboard(
                      'WEBVTT\\n\\n00:00:00.000 --> 00:00:02.000\\nsprite.jpg#xywh=0,0,160,90\\n\\n'
                      + '00:00:02.000 --> 01:00:04.500\\nsprite.jpg#xywh=160,0,160,90\\n\\nno cue here\\n',
                      '/media/v1/storyboard/index.vtt'))""");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> parsed = (List<Map<String, Object>>) cues;
            String sprite = api.url("/media/v1/storyboard/sprite.jpg");
            assertThat(parsed).extracting(c -> ((Number) c.get("start")).doubleValue(), c -> ((Number) c.get("end")).doubleValue(),
                            c -> c.get("url"), c -> ((Number) c.get("x")).intValue(), c -> ((Number) c.get("w")).intValue())
                    .containsExactly(tuple(0.0, 2.0, sprite, 0, 160), tuple(2.0, 3604.5, sprite, 160, 160));
        }
    }

    /** Waits for the video's storyboard (made after the video is playable); returns its sprite's URL. */
    private String storyboardOf(String videoId) {
        long deadline = System.nanoTime() + Browser.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode storyboard = api.get("/api/videos/" + videoId, null).json().get("storyboard");
            if (storyboard != null && !storyboard.isNull()) return storyboard.get("imageUrl").asString();
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        throw new AssertionError("video " + videoId + " got no storyboard");
    }

    /** The quality menu offers Auto and each rendition; picking one plays it. */
    private static void chooseLowestQuality(Browser browser) {
        browser.find(".ctl-quality").click();
        List<String> choices = browser.all(".quality-menu button").stream().map(e -> e.getText()).toList();
        assertThat(choices).first().isEqualTo("Auto");
        assertThat(choices).hasSizeGreaterThan(1).last().isEqualTo("240p");
        browser.find(".quality-menu button:last-child").click();
        browser.until(d -> browser.find(".ctl-quality-label").getText().equals("240p"));
        // Named by the short side: this portrait clip's 240p is 240 wide.
        browser.until(d -> ((Number) browser.js(
                "const v = document.querySelector('.watch-stage video'); return Math.min(v.videoWidth, v.videoHeight)")).intValue() == 240);
    }

    /** Signs up through the form; returns the username. */
    private static String signUp(Browser browser, String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        browser.open("/signup");
        browser.find("#auth-username").sendKeys(name);
        browser.find("#auth-password").sendKeys("correct horse battery");
        browser.find("form.auth-card button[type=submit]").click();
        browser.find(".account .avatar-button");
        browser.until(d -> browser.path().equals("/"));
        return name;
    }

    /** Uploads through the upload page and follows it to playable; returns the video's id. */
    private static String upload(Browser browser, Path clip, String title, String description) {
        browser.find("a.upload-link").click();
        browser.find(".dropzone");
        browser.js("""
                window.stagesSeen = [];
                new MutationObserver(() => {
                  const stage = document.querySelector('.upload-progress')?.dataset.stage;
                  if (stage && window.stagesSeen.at(-1) !== stage) window.stagesSeen.push(stage);
                }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-stage'] });""");
        browser.until(d -> d.findElement(By.id("upload-file"))).sendKeys(clip.toAbsolutePath().toString());
        browser.find(".upload-preview video");
        var titleField = browser.find("#upload-title");
        titleField.clear();
        titleField.sendKeys(title);
        browser.find("#upload-description").sendKeys(description);
        browser.screenshot("upload-desktop");
        browser.find("form.upload-form button[type=submit]").click();
        browser.find(".upload-progress[data-stage=ready]");
        browser.waitUntilPlayedPast(".upload-preview video", 1);
        browser.screenshot("upload-desktop-ready");
        @SuppressWarnings("unchecked")
        List<String> stages = (List<String>) browser.js("return window.stagesSeen");
        assertThat(stages).containsSubsequence("uploading", "processing", "ready");
        String href = browser.find(".upload-progress a[href^='/v/']").getAttribute("href");
        return href.substring(href.lastIndexOf('/') + 1);
    }

    private static long count(Browser browser, String action) {
        return Long.parseLong(browser.find(action + " .count").getAttribute("data-value"));
    }
}
