package io.fieldsync.settings;

import java.util.List;

import io.fieldsync.xero.TaxTypeProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The settings records of this package, bound and validated at start-up. Those the settings API
 * may change ({@link #CHANGEABLE}) are read through {@link io.fieldsync.config.LiveSettings} where
 * a change must show without a restart; their beans hold the values of the start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({InvoiceProperties.class, ContactProperties.class, ItemProperties.class,
        PaymentProperties.class, EntityProperties.class, ScheduleProperties.class, MaintenanceWindowProperties.class,
        AlertProperties.class, AttachmentProperties.class, SyncProperties.class, PullProperties.class,
        ReconciliationProperties.class, MatchingProperties.class, UserProperties.class, TaxTypeProperties.class})
public class DeclaredSettings {

    /** The records holding settings the settings API may change; it checks a change against them. */
    public static final List<Class<?>> CHANGEABLE = List.of(InvoiceProperties.class, ContactProperties.class,
            ItemProperties.class, PaymentProperties.class, EntityProperties.class, ScheduleProperties.class,
            MaintenanceWindowProperties.class, AlertProperties.class, AttachmentProperties.class, SyncProperties.class,
            TaxTypeProperties.class);
}
