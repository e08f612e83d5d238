package io.fieldsync.push;

import io.fieldsync.xero.XeroSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ThreadPoolProfile;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SyncConfiguration {

    /**
     * The threads batches are delivered on: as many as Xero lets a connector have in flight, so
     * the rate governor, not a queue, decides the pace. Routes name it {@code xeroCallThreads}.
     */
    @Bean
    public java.util.concurrent.ExecutorService xeroCallThreads(CamelContext camel, XeroSettings settings) {
        ThreadPoolProfile profile = new ThreadPoolProfile("xeroCalls");
        profile.setPoolSize(settings.limits().concurrent());
        profile.setMaxPoolSize(settings.limits().concurrent());
        profile.setMaxQueueSize(-1);
        return camel.getExecutorServiceManager().newThreadPool(this, "xero-call", profile);
    }
}
