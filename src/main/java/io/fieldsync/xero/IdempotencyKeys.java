package io.fieldsync.xero;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * Idempotency-Key values: derived from the organisation and the exact request body, so a retry
 * of the same request (after a lost answer, in this run or the next) is replayed by Xero within
 * its idempotency window instead of creating a second copy.
 */
@Component("idempotencyKeys")
public class IdempotencyKeys {

    public String of(String tenantId, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(tenantId.getBytes(StandardCharsets.UTF_8));
            byte[] digest = sha.digest(body.getBytes(StandardCharsets.UTF_8));
            return "fieldsync-" + HexFormat.of().formatHex(digest, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
