package io.fieldsync.xero;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Xero signs every webhook request: {@code x-xero-signature} is base64(HMAC-SHA256(raw body,
 * webhook key)). Compared in constant time, on the bytes as received (a re-serialised body would
 * not match).
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static boolean valid(byte[] body, String signature, String webhookKey) {
        if (signature == null || signature.isBlank() || webhookKey == null || webhookKey.isBlank()) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(sign(body, webhookKey), given);
    }

    public static byte[] sign(byte[] body, String webhookKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body == null ? new byte[0] : body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
