package io.toktik.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.server.ServerIT;
import io.toktik.server.TestApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Shared links and reloads: the web app's paths answer with its page; the API and media keep their own answers. */
class WebAppRoutesIT extends ServerIT {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/v/0b6d3c1e-5f8e-4d0e-9a51-2f1f3c0d9b7a", "/@ana", "/@ana.b_c", "/latest", "/following",
            "/trending", "/upload", "/search?q=%23cats", "/signin?next=%2Fupload", "/signup"})
    void appPaths_answerWithTheWebApp(String path) {
        TestApi.Response page = api.get(path, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.text()).contains("<main id=\"app\"").contains("/js/app.js");
    }

    @Test
    void apiAndMediaPaths_areNotTheWebApp() {
        TestApi.Response video = api.get("/api/videos/0b6d3c1e-5f8e-4d0e-9a51-2f1f3c0d9b7a", null);
        assertThat(video.status()).isEqualTo(404);
        assertThat(video.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/media/0b6d3c1e-5f8e-4d0e-9a51-2f1f3c0d9b7a/hls/master.m3u8", null).status()).isEqualTo(404);
        assertThat(api.get("/no-such-page", null).status()).isEqualTo(404);
    }

    @Test
    void theWebAppsScripts_areServed() {
        assertThat(api.get("/js/app.js", null).header("Content-Type")).contains("javascript");
        assertThat(api.get("/webjars/hls.js/dist/hls.min.js", null).status()).isEqualTo(200);
    }
}
