package io.toktik.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemotionTest {
    private Process child;

    @BeforeEach
    void needsRenice() throws Exception {
        assumeTrue(Ffmpeg.findOnPath("renice", System.getenv("PATH")).isPresent() && Files.isDirectory(Path.of("/proc")),
                "renice and /proc");
        child = new ProcessBuilder("sleep", "60").start();
    }

    @AfterEach
    void stop() {
        if (child != null) child.destroyForcibly();
    }

    @Test
    void aRunningProcessKeepsItsPriorityUntilDemoted() throws Exception {
        Demotion demotion = new Demotion();
        demotion.started(child.toHandle());
        assertThat(nice(child)).isEqualTo(0);

        demotion.now();

        assertThat(nice(child)).isEqualTo(Integer.parseInt(Ffmpeg.BACKGROUND_NICENESS));
    }

    @Test
    void aProcessStartedAfterTheDemotionIsDemotedAtOnce() throws Exception {
        Demotion demotion = new Demotion();
        demotion.now();

        demotion.started(child.toHandle());

        assertThat(nice(child)).isEqualTo(Integer.parseInt(Ffmpeg.BACKGROUND_NICENESS));
    }

    /** Field 19 of {@code /proc/<pid>/stat}, counted after the command name in parentheses. */
    private static int nice(Process process) throws Exception {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
