package io.fieldsync.demo;

/**
 * The demo runs only when asked for ({@code fieldsync.demo.enabled=true}, which the {@code demo}
 * profile and {@code mvn spring-boot:run} set) and no field-service database is configured.
 */
public final class DemoMode {

    /** For {@code @ConditionalOnExpression}: the demo is running. */
    public static final String ON = "${fieldsync.demo.enabled:false} and '${fieldsync.source.url:}'.trim().isEmpty()";

    private DemoMode() {
    }
}
