package io.toktik.media;

import java.nio.file.Path;
import java.util.List;

/**
 * Prints, one argument per line, the single ffmpeg command that makes a source's whole ladder — the
 * baseline the pipeline benchmark compares against. Usage: {@code LadderCommand <source> <outDir> [ffmpeg]}.
 */
public final class LadderCommand {
    private LadderCommand() {}

    public static void main(String[] args) throws MediaException {
        if (args.length < 2) {
            System.err.println("usage: LadderCommand <source> <outDir> [ffmpeg]");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Ffmpeg ffmpeg = Ffmpeg.locate(args.length > 2 ? args[2] : null, Path.of(System.getProperty("java.io.tmpdir"), "toktik-ffmpeg"));
        MediaInfo info = new MediaProber().probe(source);
        List<Rendition> ladder = new LadderPlanner().plan(info);
        new HlsEncoder(ffmpeg).command(source, info, ladder, Path.of(args[1])).forEach(System.out::println);
    }
}
