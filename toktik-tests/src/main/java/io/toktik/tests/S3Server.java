package io.toktik.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/** An S3 server for tests: s3proxy on a temporary directory, on a free port of 127.0.0.1, path-style, fixed keys. */
public final class S3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "toktik-test-access";
    public static final String SECRET_KEY = "toktik-test-secret";

    private final S3Proxy proxy;

    private S3Server(S3Proxy proxy) {
        this.proxy = proxy;
    }

    public static S3Server start() {
        try {
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(Files.createTempDirectory("toktik-s3").toString()))
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            if (!"STARTED".equals(proxy.getState())) throw new IllegalStateException("s3proxy is " + proxy.getState());
            return new S3Server(proxy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start s3proxy: " + e.getMessage(), e);
        }
    }

    /** e.g. {@code http://127.0.0.1:41234} */
    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
