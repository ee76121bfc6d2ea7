package io.toktik.server.realtime;

/** An access token that is expired, forged or malformed; the connection is closed with 1008 and this reason. */
final class InvalidToken extends Exception {
    InvalidToken(String reason) {
        super(reason, null, false, false);
    }
}
