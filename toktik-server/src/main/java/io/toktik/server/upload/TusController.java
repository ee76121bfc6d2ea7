package io.toktik.server.upload;

import io.toktik.core.upload.ChunkRefusedException;
import io.toktik.core.upload.ResumableUploads;
import io.toktik.core.upload.Upload;
import io.toktik.core.video.Video;
import io.toktik.core.video.VideoStatus;
import io.toktik.server.api.ApiException;
import io.toktik.server.api.Caller;
import io.toktik.server.api.OwnedVideos;
import io.toktik.server.api.PathIds;
import io.toktik.server.config.ConditionalOnRole;
import io.toktik.server.config.TokTikProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * tus 1.0 resumable uploads of a video's source (core, creation, expiration, checksum with sha1, termination). The
 * upload names its video in {@code Upload-Metadata: videoId <base64>}; only the video's owner may upload it.
 */
@RestController
@ConditionalOnRole(ConditionalOnRole.API)
@RequestMapping("/api/uploads")
class TusController {
    private final ResumableUploads uploads;
    private final OwnedVideos videos;
    private final Clock clock;
    private final long maxBytes;

    TusController(ResumableUploads uploads, OwnedVideos videos, Clock clock, TokTikProperties props) {
        this.uploads = uploads;
        this.videos = videos;
        this.clock = clock;
        this.maxBytes = props.upload().maxBytes();
    }

    @RequestMapping(path = {"", "/{id}"}, method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options() {
        return ResponseEntity.noContent()
                .header(Tus.TUS_EXTENSION, Tus.EXTENSIONS)
                .header(Tus.TUS_MAX_SIZE, Long.toString(maxBytes))
                .header(Tus.TUS_CHECKSUM_ALGORITHM, Tus.CHECKSUM_ALGORITHMS)
                .build();
    }

    @RequestMapping(method = RequestMethod.POST)
    ResponseEntity<Void> create(@AuthenticationPrincipal Jwt jwt, HttpServletRequest request) throws IOException {
        requireTusVersion(request);
        if (request.getHeader(Tus.UPLOAD_DEFER_LENGTH) != null) throw ApiException.badRequest("Send Upload-Length: a deferred length is not supported.");
        long length = TusHeaders.requiredNumber(request, Tus.UPLOAD_LENGTH);
        if (length > maxBytes) throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "The file is larger than Tus-Max-Size, " + maxBytes + " bytes.");
        if (length == 0) throw ApiException.badRequest("The file is empty.");
        String metadata = request.getHeader(Tus.UPLOAD_METADATA);
        Map<String, String> pairs = UploadMetadata.parse(metadata);
        String videoId = pairs.get("videoId");
        if (videoId == null || videoId.isBlank()) throw ApiException.badRequest("Name the video in Upload-Metadata: videoId <base64 of its id>.");
        if (PathIds.parse(videoId).isEmpty()) throw ApiException.badRequest("The videoId in Upload-Metadata is not a video id.");
        Video video = videos.owned(jwt, videoId);
        if (video.status() != VideoStatus.UPLOADING) throw ApiException.conflict("This video already has its file (status " + video.status() + ").");

        Upload upload = uploads.create(video.id(), Caller.required(jwt), length, metadata == null ? "" : metadata.strip());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(upload.id()).toUri())
                .header(Tus.UPLOAD_EXPIRES, Tus.httpDate(upload.expiresAt()))
                .build();
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
    ResponseEntity<Void> offset(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, HttpServletRequest request) {
        requireTusVersion(request);
        Upload upload = live(jwt, id);
        var response = ResponseEntity.ok()
                .header("Cache-Control", "no-store")
                .header(Tus.UPLOAD_OFFSET, Long.toString(upload.received()))
                .header(Tus.UPLOAD_LENGTH, Long.toString(upload.length()))
                .header(Tus.UPLOAD_EXPIRES, Tus.httpDate(upload.expiresAt()));
        if (!upload.metadata().isEmpty()) response.header(Tus.UPLOAD_METADATA, upload.metadata());
        return response.build();
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.PATCH)
    ResponseEntity<Void> append(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, HttpServletRequest request) throws IOException {
        requireTusVersion(request);
        if (!Tus.CHUNK_CONTENT_TYPE.equalsIgnoreCase(TusHeaders.mediaType(request))) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "A chunk is sent as Content-Type: " + Tus.CHUNK_CONTENT_TYPE + ".");
        }
        long offset = TusHeaders.requiredNumber(request, Tus.UPLOAD_OFFSET);
        byte[] sha1 = UploadChecksum.sha1(request.getHeader(Tus.UPLOAD_CHECKSUM));
        Upload upload = live(jwt, id);
        if (offset == upload.received() && request.getContentLengthLong() > upload.remaining()) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "The chunk goes past the upload's length of " + upload.length() + " bytes.");
        }
        Upload after = uploads.append(upload, offset, request.getInputStream(), sha1);
        var response = ResponseEntity.noContent().header(Tus.UPLOAD_OFFSET, Long.toString(after.received()));
        if (after.remaining() > 0) response.header(Tus.UPLOAD_EXPIRES, Tus.httpDate(after.expiresAt()));
        return response.build();
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.DELETE)
    ResponseEntity<Void> terminate(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, HttpServletRequest request) throws IOException {
        requireTusVersion(request);
        uploads.terminate(mine(jwt, id));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(ChunkRefusedException.class)
    ProblemDetail refused(ChunkRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(switch (e.reason()) {
            case CHECKSUM_MISMATCH -> HttpStatusCode.valueOf(Tus.CHECKSUM_MISMATCH);
            case PAST_LENGTH -> HttpStatus.CONTENT_TOO_LARGE;
            case OFFSET_MISMATCH, VIDEO_NOT_WAITING -> HttpStatus.CONFLICT;
            case UNVERIFIABLE -> HttpStatus.BAD_REQUEST;
        }, e.getMessage());
        if (e.reason() == ChunkRefusedException.Reason.CHECKSUM_MISMATCH) problem.setTitle("Checksum Mismatch");
        return problem;
    }

    /** The caller's upload, still open: 404 when unknown, 410 when expired, 403 when someone else's. */
    private Upload live(Jwt jwt, String id) {
        Upload upload = mine(jwt, id);
        if (upload.isExpired(clock.instant())) throw new ApiException(HttpStatus.GONE, "This upload expired; start a new one.");
        return upload;
    }

    private Upload mine(Jwt jwt, String id) {
        UUID caller = Caller.required(jwt);
        Upload upload = PathIds.parse(id).flatMap(uploads::find).orElseThrow(() -> ApiException.notFound("Upload"));
        if (!upload.isOwnedBy(caller)) throw ApiException.forbidden("This upload is someone else's.");
        return upload;
    }

    private static void requireTusVersion(HttpServletRequest request) {
        if (!Tus.VERSION.equals(request.getHeader(Tus.RESUMABLE))) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "Send Tus-Resumable: " + Tus.VERSION + " (the only version served).");
        }
    }
}
