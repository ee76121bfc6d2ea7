package io.toktik.server.realtime;

/** A client request the gateway will not carry out; the message is sent back to the client as is. */
final class RefusedRequest extends Exception {
    RefusedRequest(String message) {
        super(message, null, false, false);
    }
}
