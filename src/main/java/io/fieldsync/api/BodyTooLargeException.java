package io.fieldsync.api;

import java.io.IOException;

/**
 * A request body larger than its call takes. An {@link IOException}, as the stream being read
 * throws it: whoever reads the body (Jackson, Spring's converters) passes it on, and the answer
 * is a 413 in these words.
 */
public class BodyTooLargeException extends IOException {

    private final long maxBytes;

    public BodyTooLargeException(long maxBytes, String setting) {
        super("The request body is too large: this call takes at most " + ApiLimits.inWords(maxBytes)
                + " (the connector's setting " + setting + ")");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The one in {@code failure}'s causes, else null. */
    static BodyTooLargeException in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
