package io.fieldsync.xero;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({XeroSettings.class, XeroClientProperties.class, TokenRefreshSettings.class})
public class XeroHttpConfiguration {

    /** For the identity calls made from Java (tokens, connections); API traffic goes through routes. */
    @Bean
    public HttpClient xeroHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }
}
