package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tokens at rest: AES-GCM under the configured key, bound to what they are; no authorisation-code mode without a key. */
class TokenCipherTest {

    private static final String KEY = "q83vEjRWeJC8m3wH1kLr7m2c2Zq0u1xX9t9b0QmV3yA=";
    private final TokenCipher cipher = new TokenCipher("authorization_code", KEY);

    @Test
    void aTokenComesBackAsItWentInAndIsStoredUnreadable() {
        String sealed = cipher.encrypt("refresh-token-value", "xero-refresh-token");

        assertThat(sealed).startsWith("v1:").doesNotContain("refresh-token-value");
        assertThat(cipher.encrypt("refresh-token-value", "xero-refresh-token")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(cipher.decrypt(sealed, "xero-refresh-token")).isEqualTo("refresh-token-value");
    }

    @Test
    void anotherKeyAnotherPurposeOrATamperedValueIsRefused() {
        String sealed = cipher.encrypt("refresh-token-value", "xero-refresh-token");
        TokenCipher otherKey = new TokenCipher("authorization_code", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAA=") ? "BBB=" : "AAA=");

        assertThatThrownBy(() -> otherKey.decrypt(sealed, "xero-refresh-token")).isInstanceOf(XeroConnectionException.class)
                .hasMessageContaining("was the key changed?");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "xero-access-token")).isInstanceOf(XeroConnectionException.class);
        assertThatThrownBy(() -> cipher.decrypt(tampered, "xero-refresh-token")).isInstanceOf(XeroConnectionException.class);
    }

    @Test
    void authorisationCodeModeNeedsAUsableKey() {
        assertThatThrownBy(() -> new TokenCipher("authorization_code", "")).isInstanceOf(XeroSettingException.class)
                .hasMessageContaining("needs a token key").hasMessageContaining("fieldsync.xero.token-key")
                .hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> new TokenCipher("authorization_code", "not base64 at all!")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> new TokenCipher("authorization_code", "c2hvcnQ=")).hasMessageContaining("is 5 bytes long");
    }

    @Test
    void aCustomConnectionNeedsNoKey() {
        TokenCipher none = new TokenCipher("client_credentials", "");
        assertThatThrownBy(() -> none.encrypt("x", "xero-refresh-token")).isInstanceOf(XeroSettingException.class);
    }
}
