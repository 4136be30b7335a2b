package org.hazardstream.ingest.messaging;

/** A send was refused or its acknowledgement did not arrive in time: the post is answered 503 and may be retried. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
