package io.fieldsync.xero;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts Xero tokens for the state store with AES-GCM under {@code fieldsync.xero.token-key}
 * (base64, 16, 24 or 32 bytes), so a copy of the database is no Xero login. A fresh 12-byte nonce
 * per value; what the value is (refresh or access token) is bound in as associated data, so one
 * cannot be swapped for the other. In authorization_code mode there is no start without a key.
 */
@Component
public class TokenCipher {

    static final String GRANT = "authorization_code";
    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public TokenCipher(XeroSettings settings, XeroClientProperties client) {
        this(settings.grant(), client.tokenKey());
    }

    TokenCipher(String grant, String tokenKey) {
        this.key = GRANT.equals(grant) || StringUtils.hasText(tokenKey) ? key(tokenKey) : null;
    }

    static SecretKey key(String base64) {
        String fix = "; set fieldsync.xero.token-key (environment FIELDSYNC_XERO_TOKEN_KEY) to a base64 AES key of"
                + " 16, 24 or 32 bytes, e.g. the output of `openssl rand -base64 32`, and keep it: it encrypts the Xero"
                + " refresh tokens in the state store";
        if (!StringUtils.hasText(base64)) {
            throw new XeroSettingException("fieldsync.xero.grant=authorization_code needs a token key, and none is set" + fix);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new XeroSettingException("fieldsync.xero.token-key is not base64" + fix);
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new XeroSettingException("fieldsync.xero.token-key is " + bytes.length + " bytes long" + fix);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public String encrypt(String plain, String purpose) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, purpose);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A Xero token could not be encrypted: " + e, e);
        }
    }

    public String decrypt(String stored, String purpose) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(VERSION)) {
            throw new XeroConnectionException("A stored Xero token is not in FieldSync's encrypted form; reconnect at GET /api/xero/connect");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, purpose);
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // another key than the one that encrypted it (changed fieldsync.xero.token-key), or tampered with
            throw new XeroConnectionException("The stored Xero token cannot be decrypted with fieldsync.xero.token-key"
                    + " (was the key changed?); reconnect at GET /api/xero/connect", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String purpose) throws GeneralSecurityException {
        if (key == null) {
            throw new XeroSettingException("fieldsync.xero.token-key is not set: Xero tokens cannot be stored");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
