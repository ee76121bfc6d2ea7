package io.toktik.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.toktik.core.Cursor;
import io.toktik.core.user.JdbcUserRepository;
import io.toktik.core.user.RefreshTokenRepository;
import io.toktik.core.user.User;
import io.toktik.core.user.UserRepository;
import io.toktik.core.video.JdbcVideoRepository;
import io.toktik.core.video.RenditionInfo;
import io.toktik.core.video.Video;
import io.toktik.core.video.VideoRepository;
import io.toktik.core.video.VideoStatus;
import io.toktik.core.video.Visibility;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the repositories promise, on whichever PostgreSQL {@link #database()} gives (embedded or a server). */
public abstract class RepositoriesContract {
    private UserRepository users;
    private VideoRepository videos;
    private RefreshTokenRepository refreshTokens;
    private User owner;

    protected abstract JdbcClient database();

    @BeforeEach
    void repositories() {
        JdbcClient jdbc = database();
        users = new JdbcUserRepository(jdbc);
        videos = new JdbcVideoRepository(jdbc);
        refreshTokens = new RefreshTokenRepository(jdbc);
        owner = user("owner_" + suffix());
        assertThat(users.insert(owner)).isTrue();
    }

    @Test
    void usernames_areUniqueIgnoringCase_andFoundIgnoringCase() {
        String name = "Mixed.Case_" + suffix();
        assertThat(users.insert(user(name))).isTrue();
        assertThat(users.insert(user(name.toUpperCase()))).isFalse();
        assertThat(users.findByUsername(name.toLowerCase())).map(User::username).contains(name);
    }

    @Test
    void ownerSeesEveryStatus_othersOnlyReadyPublic_newestFirstWithCursor() {
        Video draft = insert(Visibility.PUBLIC, 3);
        Video hidden = insert(Visibility.UNLISTED, 2);
        Video shown = insert(Visibility.PUBLIC, 1);
        publish(hidden);
        publish(shown);

        assertThat(videos.findByOwner(owner.id(), true, null, 10)).extracting(Video::id)
                .containsExactly(shown.id(), hidden.id(), draft.id());
        assertThat(videos.findByOwner(owner.id(), false, null, 10)).extracting(Video::id).containsExactly(shown.id());

        List<Video> first = videos.findByOwner(owner.id(), true, null, 2);
        Video last = first.getLast();
        assertThat(videos.findByOwner(owner.id(), true, new Cursor(last.createdAt(), last.id()), 2))
                .extracting(Video::id).containsExactly(draft.id());
    }

    @Test
    void processing_startsOnlyFromUploading() {
        Video v = insert(Visibility.PUBLIC, 0);
        assertThat(videos.markProcessing(v.id(), 10)).isTrue();
        assertThat(videos.markProcessing(v.id(), 10)).as("a second upload").isFalse();
    }

    @Test
    void firstPublishedRendition_makesTheVideoReady_andLaterOnesDoNotRepublish() {
        Video v = insert(Visibility.PUBLIC, 0);
        videos.markProcessing(v.id(), 10);
        videos.recordProbe(v.id(), 4000, 640, 360, List.of(RenditionInfo.planned("240p", 426, 240), RenditionInfo.planned("360p", 640, 360)));
        videos.publishRendition(v.id(), ready("240p", 426, 240));
        Video afterFirst = videos.findById(v.id()).orElseThrow();
        assertThat(afterFirst.status()).isEqualTo(VideoStatus.READY);
        assertThat(afterFirst.readyRenditions()).extracting(RenditionInfo::name).containsExactly("240p");

        videos.publishRendition(v.id(), ready("360p", 640, 360));
        Video afterSecond = videos.findById(v.id()).orElseThrow();
        assertThat(afterSecond.publishedAt()).isEqualTo(afterFirst.publishedAt());
        assertThat(afterSecond.readyRenditions()).extracting(RenditionInfo::name).containsExactly("240p", "360p");
    }

    @Test
    void posterAndStoryboard_areFlaggedIndependently() {
        Video v = insert(Visibility.PUBLIC, 0);
        assertThat(v.hasPoster() || v.hasStoryboard()).isFalse();

        videos.markStoryboardReady(v.id());
        Video withStoryboard = videos.findById(v.id()).orElseThrow();
        assertThat(withStoryboard.hasStoryboard()).isTrue();
        assertThat(withStoryboard.hasPoster()).isFalse();

        videos.markPosterReady(v.id());
        assertThat(videos.findById(v.id()).orElseThrow().hasPoster()).isTrue();
    }

    @Test
    void findAllById_returnsTheVideosThatExist_withTheirRenditions() {
        Video first = insert(Visibility.PUBLIC, 0);
        Video second = insert(Visibility.PUBLIC, 0);
        publish(second);
        List<Video> found = videos.findAllById(List.of(first.id(), second.id(), UUID.randomUUID()));
        assertThat(found).extracting(Video::id).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(found).filteredOn(v -> v.id().equals(second.id())).singleElement()
                .satisfies(v -> assertThat(v.readyRenditions()).isNotEmpty());
        assertThat(videos.findAllById(List.of())).isEmpty();
    }

    @Test
    void recordProbe_twice_keepsTheLadderPlannedFirst() {
        Video v = insert(Visibility.PUBLIC, 0);
        videos.recordProbe(v.id(), 1000, 640, 360, List.of(RenditionInfo.planned("240p", 426, 240)));
        videos.recordProbe(v.id(), 1000, 640, 360, List.of(RenditionInfo.planned("240p", 426, 240)));
        assertThat(videos.findById(v.id()).orElseThrow().renditions()).hasSize(1);
    }

    @Test
    void progress_neverGoesBackwards() {
        Video v = insert(Visibility.PUBLIC, 0);
        videos.markProcessing(v.id(), 10);
        videos.raiseProgress(v.id(), 40);
        videos.raiseProgress(v.id(), 20);
        assertThat(videos.findById(v.id()).orElseThrow().progress()).isEqualTo(40);
    }

    @Test
    void aPlayableVideo_isNeverMarkedFailed() {
        Video v = insert(Visibility.PUBLIC, 0);
        publish(v);
        assertThat(videos.markFailed(v.id(), "X", "late failure")).isFalse();
        assertThat(videos.findById(v.id()).orElseThrow().status()).isEqualTo(VideoStatus.READY);
    }

    @Test
    void delete_removesTheVideoAndItsRenditions_andLockSeesItGone() {
        Video v = insert(Visibility.PUBLIC, 0);
        publish(v);
        assertThat(videos.delete(v.id())).isTrue();
        assertThat(videos.findById(v.id())).isEmpty();
        assertThat(database().sql("select count(*) from video_renditions where video_id = ?").param(v.id())
                .query(Long.class).single()).isZero();
        assertThat(database().sql("select 1").query(Integer.class).single()).isOne();
    }

    @Test
    void refreshToken_worksOnce_andRevokingItsFamilyEndsTheOthers() {
        UUID family = UUID.randomUUID();
        String first = "hash-a-" + suffix();
        String second = "hash-b-" + suffix();
        refreshTokens.insert(first, family, owner.id(), Instant.now().plus(1, ChronoUnit.DAYS));
        refreshTokens.insert(second, family, owner.id(), Instant.now().plus(1, ChronoUnit.DAYS));
        assertThat(refreshTokens.use(first)).map(RefreshTokenRepository.Use::familyId).contains(family);
        assertThat(refreshTokens.use(first)).isEmpty();
        refreshTokens.revokeFamilyOf(first);
        assertThat(refreshTokens.use(second)).isEmpty();
    }

    private Video insert(Visibility visibility, int minutesAgo) {
        Instant created = Instant.now().minus(minutesAgo, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
        Video v = new Video(UUID.randomUUID(), owner.id(), "t", "", List.of(), visibility, VideoStatus.UPLOADING, 0, null,
                null, null, null, false, false, List.of(), Video.Counts.NONE, created, null);
        videos.insert(v);
        return v;
    }

    private void publish(Video v) {
        videos.markProcessing(v.id(), 10);
        videos.recordProbe(v.id(), 1000, 640, 360, List.of(RenditionInfo.planned("240p", 426, 240)));
        videos.publishRendition(v.id(), ready("240p", 426, 240));
    }

    private static RenditionInfo ready(String name, int w, int h) {
        return new RenditionInfo(name, w, h, 500_000, 400_000, "avc1.4d401e,mp4a.40.2", 30.0, true);
    }

    private static User user(String name) {
        return new User(UUID.randomUUID(), name, null, name, "", "{bcrypt}x", Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
