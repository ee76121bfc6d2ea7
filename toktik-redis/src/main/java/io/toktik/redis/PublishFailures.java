package io.toktik.redis;

import io.toktik.core.events.DomainEvent;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the first failed publish of an outage as a warning (later ones at debug level) and the recovery once. */
final class PublishFailures {
    private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);

    private final String address;
    private final AtomicBoolean failing = new AtomicBoolean();

    PublishFailures(String address) {
        this.address = address;
    }

    void failed(DomainEvent event, Throwable error) {
        if (failing.compareAndSet(false, true)) {
            log.warn("Publishing events to Redis at {} fails ({} on {} dropped): {}; further drops are logged at debug level",
                    address, event.type(), event.topic(), error.toString());
        } else {
            log.debug("Dropped {} on {}: {}", event.type(), event.topic(), error.toString());
        }
    }

    void succeeded() {
        if (failing.compareAndSet(true, false)) {
            log.info("Publishing events to Redis at {} works again", address);
        }
    }
}
