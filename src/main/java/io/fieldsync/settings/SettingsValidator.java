package io.fieldsync.settings;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fieldsync.xero.FsmTaxRates;
import io.fieldsync.xero.TaxRateAgreement;
import io.fieldsync.xero.XeroChartOfAccounts;
import io.fieldsync.xero.XeroFileLimits;
import org.quartz.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Checks a settings change before anything is stored: each name must be one the API may change
 * and each value valid for it; account codes and tax types must exist in the connected Xero
 * organisation, and a tax type's Xero rate must be its FSM tax code's rate. The first problem is
 * thrown, naming the setting.
 */
@Component
public class SettingsValidator {

    private static final Pattern ENTITY_RULE = Pattern.compile("entities\\.([a-z-]+)\\.(direction|master)");
    private static final Pattern PAYMENT_METHOD_ACCOUNT = Pattern.compile("payments\\.accounts\\.(cash|card|eft|cheque|stripe|other)");
    private static final Pattern TAX_TYPE = Pattern.compile("(tax-types|purchase-tax-types)\\.[A-Za-z0-9_-]+");
    private static final Pattern WINDOW_FIELD = Pattern.compile("maintenance-windows\\[(\\d+)]\\.(start|end|days|from|to)");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+");

    private final XeroChartOfAccounts xero;
    private final FsmTaxRates fsmTaxRates;

    public SettingsValidator(XeroChartOfAccounts xero, FsmTaxRates fsmTaxRates) {
        this.xero = xero;
        this.fsmTaxRates = fsmTaxRates;
    }

    /** @param flat property names under {@code fieldsync.} and their new values (null = back to the default) */
    public void check(Map<String, String> flat) {
        Lazy<Map<String, String>> accounts = new Lazy<>(xero::activeAccounts);
        Lazy<Map<String, BigDecimal>> taxTypes = new Lazy<>(xero::activeTaxRates);
        Lazy<Map<String, BigDecimal>> fsmRates = new Lazy<>(fsmTaxRates::byCode);
        Map<Integer, Map<String, String>> windows = new TreeMap<>();
        for (var entry : flat.entrySet()) {
            String setting = entry.getKey().substring(SettingsTree.PREFIX.length());
            String value = entry.getValue();
            if (SettingsTree.isSecret(setting)) {
                throw new InvalidSettingException(setting, "is a secret: set it in the environment, not through the API");
            }
            Matcher window = WINDOW_FIELD.matcher(setting);
            if (window.matches()) {
                windows.computeIfAbsent(Integer.valueOf(window.group(1)), i -> new HashMap<>()).put(window.group(2), value);
                continue;
            }
            if (value == null || setting.equals("maintenance-windows")) {
                if (!known(setting)) {
                    throw new InvalidSettingException(setting, "is not a setting the API can change");
                }
                continue; // back to the application's own value, or the list's marker
            }
            checkOne(setting, value.trim(), accounts, taxTypes, fsmRates);
        }
        windows.forEach((index, fields) -> {
            if (fields.values().stream().allMatch(java.util.Objects::isNull)) {
                return; // an element of the list being replaced, removed
            }
            try {
                MaintenanceWindow.parse(fields.get("start"), fields.get("end"), fields.get("days"), fields.get("from"), fields.get("to"));
            } catch (IllegalArgumentException e) {
                String field = e.getMessage().substring(0, e.getMessage().indexOf(':'));
                throw new InvalidSettingException("maintenance-windows[" + index + "]." + field.split("/")[0],
                        e.getMessage().substring(e.getMessage().indexOf(':') + 2));
            }
        });
    }

    private void checkOne(String setting, String value, Lazy<Map<String, String>> accounts, Lazy<Map<String, BigDecimal>> taxTypes,
                          Lazy<Map<String, BigDecimal>> fsmRates) {
        Matcher entityRule = ENTITY_RULE.matcher(setting);
        if (entityRule.matches()) {
            if (!SyncEntities.known(entityRule.group(1))) {
                throw new InvalidSettingException(setting, "names an unknown entity; known: " + String.join(", ", SyncEntities.NAMES));
            }
            oneOf(setting, value, "direction".equals(entityRule.group(2)) ? Set.of("push", "pull", "both", "off") : Set.of("fsm", "xero"));
            return;
        }
        if (PAYMENT_METHOD_ACCOUNT.matcher(setting).matches()) {
            if (!value.isEmpty()) {
                account(setting, value, accounts, "BANK");
            }
            return;
        }
        if (TAX_TYPE.matcher(setting).matches()) {
            if (value.isEmpty()) {
                return;
            }
            if (!taxTypes.get().containsKey(value)) {
                throw new InvalidSettingException(setting, "'" + value + "' is not a tax type of the Xero organisation; it has "
                        + String.join(", ", new java.util.TreeSet<>(taxTypes.get().keySet())));
            }
            // Xero computes the tax from the type: another rate than the FSM's changes every total
            String code = setting.substring(setting.indexOf('.') + 1);
            TaxRateAgreement.disagreement(fsmRates.get().get(code), value, taxTypes.get().get(value)).ifPresent(disagreement -> {
                throw InvalidSettingException.worded(setting, SettingsTree.PREFIX + setting + ": " + disagreement
                        + "; map it to a Xero tax type of the same rate");
            });
            return;
        }
        switch (setting) {
            case "invoices.numbering" -> oneOf(setting, value, Set.of("fsm", "xero"));
            case "contacts.duplicate-names" -> oneOf(setting, value, Set.of("suffix", "fail"));
            case "invoices.status" -> oneOf(setting, value, Set.of("DRAFT", "AUTHORISED"));
            case "invoices.reference-prefix" -> {
                if (value.length() > 20) {
                    throw new InvalidSettingException(setting, "must be at most 20 characters");
                }
            }
            case "invoices.sales-account", "items.purchase-account" -> account(setting, value, accounts, null);
            case "payments.account" -> account(setting, value, accounts, "BANK");
            case "payments.fees.account", "payments.surcharges.account" -> {
                if (!value.isEmpty()) {
                    notBank(setting, value, accounts);
                }
            }
            case "payments.fees.contact" -> {
                if (value.isEmpty() || value.length() > 255) {
                    throw new InvalidSettingException(setting, "must name the card processor's Xero contact in 1 to 255 characters");
                }
            }
            case "invoices.send-tax", "invoices.technician-on-lines", "alerts.sync-report", "attachments.include-online",
                 "items.remove-unmatched"
                    -> oneOf(setting, value, Set.of("true", "false"));
            case "attachments.max-bytes" -> number(setting, value, 1, XeroFileLimits.MAX_BYTES);
            case "attachments.file-types" -> {
                if (!value.matches("[A-Za-z0-9]+(\\s*,\\s*[A-Za-z0-9]+)*")) {
                    throw new InvalidSettingException(setting, "must list file extensions, comma-separated, e.g. pdf,png,jpg");
                }
            }
            case "schedule.start" -> {
                if (!value.isEmpty()) {
                    try {
                        LocalDateTime.parse(value);
                    } catch (RuntimeException e) {
                        throw new InvalidSettingException(setting, "'" + value + "' is not an ISO local date-time like 2026-12-01T06:00");
                    }
                }
            }
            case "schedule.every" -> {
                if (!value.isEmpty()) {
                    Duration every = duration(setting, value);
                    if (every.compareTo(ScheduleSettings.SHORTEST) < 0) {
                        throw new InvalidSettingException(setting, "must be at least " + ScheduleSettings.SHORTEST);
                    }
                }
            }
            case "schedule.cron" -> {
                if (!value.isEmpty() && !CronExpression.isValidExpression(value)) {
                    throw new InvalidSettingException(setting, "'" + value + "' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week), e.g. 0 0/30 7-18 ? * MON-FRI");
                }
            }
            case "schedule.zone" -> {
                try {
                    if (!value.isEmpty()) {
                        ZoneId.of(value);
                    }
                } catch (RuntimeException e) {
                    throw new InvalidSettingException(setting, "'" + value + "' is not a time zone like Australia/Sydney");
                }
            }
            case "alerts.recipients" -> {
                for (String recipient : value.split(",")) {
                    if (!recipient.isBlank() && !EMAIL.matcher(recipient.trim()).matches()) {
                        throw new InvalidSettingException(setting, "'" + recipient.trim() + "' is not an email address");
                    }
                }
            }
            case "alerts.from" -> {
                if (!EMAIL.matcher(value).matches()) {
                    throw new InvalidSettingException(setting, "'" + value + "' is not an email address");
                }
            }
            case "alerts.smtp-host", "alerts.smtp-username" -> {
                if (value.chars().anyMatch(Character::isWhitespace)) {
                    throw new InvalidSettingException(setting, "must not contain spaces");
                }
            }
            case "alerts.smtp-port" -> number(setting, value, 1, 65535);
            case "alerts.failing-runs" -> number(setting, value, 1, 1000);
            case "alerts.report-max-records" -> number(setting, value, 1, 10_000);
            case "alerts.smtp-timeout-ms" -> number(setting, value, 100, 600_000);
            case "alerts.repeat-after", "alerts.retry-after", "alerts.retry-max", "alerts.claim-timeout",
                 "sync.look-back" -> duration(setting, value);
            case "sync.page-size" -> number(setting, value, 1, 10_000);
            default -> throw new InvalidSettingException(setting, "is not a setting the API can change");
        }
    }

    private static boolean known(String setting) {
        return setting.startsWith("invoices.") || setting.startsWith("items.") || setting.startsWith("contacts.") || setting.startsWith("payments.")
                || setting.startsWith("tax-types.") || setting.startsWith("purchase-tax-types.")
                || setting.startsWith("entities.") || setting.startsWith("schedule.") || setting.startsWith("alerts.")
                || setting.startsWith("sync.") || setting.startsWith("maintenance-windows") || setting.startsWith("attachments.");
    }

    private static void account(String setting, String value, Lazy<Map<String, String>> accounts, String type) {
        String found = accounts.get().get(value);
        if (found == null) {
            throw new InvalidSettingException(setting, "'" + value + "' is not an active account code of the Xero organisation");
        }
        if (type != null && !type.equals(found)) {
            throw new InvalidSettingException(setting, "'" + value + "' is a " + found + " account; a " + type + " account is needed");
        }
    }

    /** Fees and surcharges are coded to an expense or income account: the money moves in the payment's bank account. */
    private static void notBank(String setting, String value, Lazy<Map<String, String>> accounts) {
        String found = accounts.get().get(value);
        if (found == null) {
            throw new InvalidSettingException(setting, "'" + value + "' is not an active account code of the Xero organisation");
        }
        if ("BANK".equals(found)) {
            throw new InvalidSettingException(setting, "'" + value + "' is a bank account; an expense or income account is needed");
        }
    }

    private static void oneOf(String setting, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new InvalidSettingException(setting, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed))
                    + ", not '" + value + "'");
        }
    }

    private static Duration duration(String setting, String value) {
        try {
            return Duration.parse(value);
        } catch (RuntimeException e) {
            throw new InvalidSettingException(setting, "'" + value + "' is not an ISO-8601 duration like PT15M, PT6H or P1D");
        }
    }

    private static void number(String setting, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(setting, "must be a whole number from " + min + " to " + max);
        }
    }

    /** Xero is asked only when a change names an account or a tax type, and then once. */
    private static final class Lazy<T> {
        private final Supplier<T> supplier;
        private T value;

        Lazy(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        T get() {
            if (value == null) {
                value = supplier.get();
            }
            return value;
        }
    }
}
