package io.toktik.server.upload;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;

/** tus requests by hand (to send what a well-behaved client would not), and the standard Java tus client. */
final class TusRequests {
    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TusRequests(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** {@code Upload-Metadata} naming the video, as tus encodes it. */
    static String metadata(String videoId) {
        return "videoId " + Base64.getEncoder().encodeToString(videoId.getBytes(StandardCharsets.UTF_8));
    }

    /** POST /api/uploads with the usual headers plus (or minus, with a null value) {@code headers}. */
    HttpResponse<String> create(String videoId, long length, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("Tus-Resumable", "1.0.0", "Upload-Length", Long.toString(length),
                "Upload-Metadata", metadata(videoId)));
        all.putAll(headers);
        return send("POST", "/api/uploads", all, new byte[0]);
    }

    /** Creates an upload and returns its URL. */
    String createUpload(String videoId, long length) {
        HttpResponse<String> r = create(videoId, length, Map.of());
        if (r.statusCode() != 201) throw new IllegalStateException("creation failed: " + r.statusCode() + " " + r.body());
        return r.headers().firstValue("Location").orElseThrow();
    }

    HttpResponse<String> head(String url) {
        return send("HEAD", url, Map.of("Tus-Resumable", "1.0.0"), new byte[0]);
    }

    long offset(String url) {
        HttpResponse<String> r = head(url);
        if (r.statusCode() != 200) throw new IllegalStateException("HEAD " + url + ": " + r.statusCode());
        return Long.parseLong(r.headers().firstValue("Upload-Offset").orElseThrow());
    }

    /** PATCH with the usual headers plus (or minus, with a null value) {@code headers}. */
    HttpResponse<String> patch(String url, long offset, byte[] body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("Tus-Resumable", "1.0.0", "Upload-Offset", Long.toString(offset),
                "Content-Type", "application/offset+octet-stream"));
        all.putAll(headers);
        return send("PATCH", url, all, body);
    }

    HttpResponse<String> delete(String url) {
        return send("DELETE", url, Map.of("Tus-Resumable", "1.0.0"), new byte[0]);
    }

    HttpResponse<String> send(String method, String url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : base + url))
                .timeout(Duration.ofSeconds(60)).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        headers.forEach((k, v) -> {
            if (v != null) b.header(k, v);
        });
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A PATCH that announces {@code announced} bytes, sends {@code sent} of them and hangs up, as a phone does that
     * loses its network mid-chunk.
     */
    void patchAndHangUp(String url, long offset, byte[] bytes, int announced, int sent) {
        try (Socket socket = beginPatch(url, offset, announced)) {
            OutputStream out = socket.getOutputStream();
            out.write(bytes, 0, sent);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PATCH whose headers are sent, announcing {@code announced} bytes: the caller sends them when it likes. */
    Socket beginPatch(String url, long offset, int announced) throws IOException {
        URI uri = URI.create(url);
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.getOutputStream().write(("PATCH " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Authorization: Bearer " + token + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: " + offset + "\r\n"
                + "Content-Type: application/offset+octet-stream\r\nContent-Length: " + announced + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    /** The standard Java tus client, signed in, pointed at {@code base}. */
    TusClient client() {
        TusClient client = new TusClient();
        try {
            client.setUploadCreationURL(URI.create(base + "/api/uploads").toURL());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client.setHeaders(Map.of("Authorization", "Bearer " + token));
        return client;
    }

    /** A tus upload of the file for the video (the client adds its own {@code filename} metadata). */
    static TusUpload upload(Path file, String videoId) {
        try {
            TusUpload upload = new TusUpload(file.toFile());
            Map<String, String> metadata = new LinkedHashMap<>(upload.getMetadata());
            metadata.put("videoId", videoId);
            upload.setMetadata(metadata);
            return upload;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the rest of the upload in requests of {@code payload} bytes; returns the final offset. */
    static long finish(TusUploader uploader, int payload) {
        try {
            uploader.setChunkSize(Math.min(payload, 64 * 1024));
            uploader.setRequestPayloadSize(payload);
            while (uploader.uploadChunk() > -1) {
                // each call sends up to one chunk; a request ends every `payload` bytes
            }
            uploader.finish();
            return uploader.getOffset();
        } catch (IOException | io.tus.java.client.ProtocolException e) {
            throw new IllegalStateException(e);
        }
    }

    static URL url(String url) {
        try {
            return URI.create(url).toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
