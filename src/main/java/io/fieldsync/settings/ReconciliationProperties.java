package io.fieldsync.settings;


import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fieldsync.reconciliation.*}: the reconciliation report. Defaults: application.yml.
 *
 * @param monthlyReport mail last month's reconciliation report to the alert mailing list on the 1st
 * @param monthlyCron   when the monthly report runs (Quartz cron, in fieldsync.schedule.zone's clock)
 * @param pageSize      Xero invoices read per call (Xero allows up to 1000)
 * @param documents     the document kinds compared, comma-separated: invoice, and bill (finished
 *                      purchase orders) once bills are pushed
 */
@Validated
@ConfigurationProperties("fieldsync.reconciliation")
public record ReconciliationProperties(@NotNull Boolean monthlyReport,
                                       @NotBlank @SettingFormat(SettingFormat.Kind.QUARTZ_CRON) String monthlyCron,
                                       @NotNull @Min(1) @Max(1000) Integer pageSize,
                                       @NotBlank String documents) {
}
