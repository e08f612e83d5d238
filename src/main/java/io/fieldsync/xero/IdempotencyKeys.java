package io.fieldsync.xero;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * Idempotency-Key values: the same batch in the same run always gets the same key, so a retry
 * after a lost answer is replayed by Xero instead of creating a second copy.
 */
@Component("idempotencyKeys")
public class IdempotencyKeys {

    public String of(long runId, String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "fieldsync-" + runId + "-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
