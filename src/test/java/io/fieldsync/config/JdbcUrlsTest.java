package io.fieldsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void passwordsInParametersAndUserInfoAreMasked() {
        assertThat(JdbcUrls.withoutSecrets("jdbc:mysql://db:3306/fsm?user=sync&password=s3cret&useSSL=true"))
                .isEqualTo("jdbc:mysql://db:3306/fsm?user=sync&password=***&useSSL=true");
        assertThat(JdbcUrls.withoutSecrets("jdbc:mysql://sync:s3cret@db:3306/fsm"))
                .isEqualTo("jdbc:mysql://sync:***@db:3306/fsm");
        assertThat(JdbcUrls.withoutSecrets("jdbc:h2:mem:x;MODE=MySQL")).isEqualTo("jdbc:h2:mem:x;MODE=MySQL");
    }
}
