package io.fieldsync.settings;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fieldsync.xero.FsmTaxRates;
import io.fieldsync.xero.TaxRateAgreement;
import io.fieldsync.xero.XeroChartOfAccounts;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

/**
 * Checks a settings change before anything is stored, through the same declarations the
 * application binds: each name must be declared by a record the API may change
 * ({@link DeclaredSettings#CHANGEABLE}, not {@link ReadAtStart}); the settings as they would be
 * are bound to those records and checked by their Bean Validation constraints. Then what only Xero
 * can say: account codes and tax types must exist in the connected organisation, and a tax type's
 * Xero rate must be its FSM tax code's rate. The first problem is thrown, naming the setting.
 */
@Component
public class SettingsValidator {

    private static final Pattern ENTITY_RULE = Pattern.compile("entities\\.([a-z-]+)\\.(direction|master)");
    private static final Pattern PAYMENT_METHOD_ACCOUNT = Pattern.compile("payments\\.accounts\\.(cash|card|eft|cheque|stripe|other)");
    private static final Pattern TAX_TYPE = Pattern.compile("(tax-types|purchase-tax-types)\\.[A-Za-z0-9_-]+");
    private static final Pattern WINDOW_FIELD = Pattern.compile("maintenance-windows\\[(\\d+)]\\.(start|end|days|from|to)");
    /** Account settings and the type of account each needs (null: any but, for fees and surcharges, not a bank). */
    private static final Map<String, String> ACCOUNTS = Map.of("invoices.sales-account", "", "items.purchase-account", "",
            "payments.account", "BANK", "payments.fees.account", "NOT_BANK", "payments.surcharges.account", "NOT_BANK");

    private final XeroChartOfAccounts xero;
    private final FsmTaxRates fsmTaxRates;
    private final ConfigurableEnvironment environment;
    private final RuntimeSettings settings;
    private final Validator validator;

    public SettingsValidator(XeroChartOfAccounts xero, FsmTaxRates fsmTaxRates, ConfigurableEnvironment environment,
                             RuntimeSettings settings, Validator validator) {
        this.xero = xero;
        this.fsmTaxRates = fsmTaxRates;
        this.environment = environment;
        this.settings = settings;
        this.validator = validator;
    }

    /** @param flat property names under {@code fieldsync.} and their new values (null = back to the default) */
    public void check(Map<String, String> flat) {
        Map<Integer, Map<String, String>> windows = new TreeMap<>();
        Map<String, String> changed = new LinkedHashMap<>();
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
                if (!inChangeableArea(setting)) {
                    throw new InvalidSettingException(setting, "is not a setting the API can change");
                }
                continue; // back to the application's own value, or the list's marker
            }
            Class<?> type = changeable(setting);
            if (type == Boolean.class && !Set.of("true", "false").contains(value.trim())) {
                // Spring would also read yes/no/on/off; the API takes JSON's words only
                throw new InvalidSettingException(setting, "must be one of false, true, not '" + value.trim() + "'");
            }
            changed.put(setting, value.trim());
        }
        checkWindows(windows);
        checkDeclarations(flat, changed.keySet());
        checkAgainstXero(changed);
    }

    /** Refuses a name no changeable record declares, or one read only at start; the declared type otherwise. */
    private static Class<?> changeable(String setting) {
        Matcher entityRule = ENTITY_RULE.matcher(setting);
        if (entityRule.matches() && !SyncEntities.known(entityRule.group(1))) {
            throw new InvalidSettingException(setting, "names an unknown entity; known: " + String.join(", ", SyncEntities.NAMES));
        }
        if (setting.startsWith("payments.accounts.") && !PAYMENT_METHOD_ACCOUNT.matcher(setting).matches()
                || (setting.startsWith("tax-types.") || setting.startsWith("purchase-tax-types.")) && !TAX_TYPE.matcher(setting).matches()) {
            throw new InvalidSettingException(setting, "is not a setting the API can change");
        }
        Optional<SettingDeclarations.Declared> declared = SettingDeclarations.find(setting);
        if (declared.isEmpty() || !declared.get().changeable()) {
            throw new InvalidSettingException(setting, "is not a setting the API can change");
        }
        return declared.get().type();
    }

    /** Whether the name lies under a record the API may change (a null value there is a harmless return to the default). */
    private static boolean inChangeableArea(String setting) {
        for (Class<?> record : DeclaredSettings.CHANGEABLE) {
            String prefix = SettingDeclarations.relativePrefix(record);
            if (!prefix.isEmpty() && setting.startsWith(prefix + ".")) {
                return true;
            }
            if (prefix.isEmpty()) {
                for (var component : record.getRecordComponents()) {
                    String name = SettingDeclarations.kebab(component.getName());
                    if (setting.equals(name) || setting.startsWith(name + ".") || setting.startsWith(name + "[")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void checkWindows(Map<Integer, Map<String, String>> windows) {
        windows.forEach((index, fields) -> {
            if (fields.values().stream().allMatch(Objects::isNull)) {
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

    /**
     * Binds the settings as they would be after the change to every record the API may change and
     * validates them; the first changed setting with a problem is refused. Problems of settings
     * not being changed are not this change's to answer for.
     */
    private void checkDeclarations(Map<String, String> flat, Set<String> changed) {
        Binder candidate = candidateBinder(flat);
        Map<String, String> problems = new LinkedHashMap<>();
        for (Class<?> record : DeclaredSettings.CHANGEABLE) {
            if (record == MaintenanceWindowProperties.class) {
                continue; // each window is read by MaintenanceWindow.parse, above
            }
            Object bound;
            try {
                bound = candidate.bindOrCreate(io.fieldsync.config.LiveSettings.prefix(record), Bindable.of(record));
            } catch (BindException e) {
                String setting = e.getProperty() == null ? e.getName().toString() : e.getProperty().getName().toString();
                setting = setting.startsWith(SettingsTree.PREFIX) ? setting.substring(SettingsTree.PREFIX.length()) : setting;
                Object value = e.getProperty() == null ? null : e.getProperty().getValue();
                throw new InvalidSettingException(setting, unconvertible(value, e.getTarget().getType().resolve()));
            }
            for (ConstraintViolation<Object> violation : validator.validate(bound)) {
                String setting = settingName(SettingDeclarations.relativePrefix(record), violation.getPropertyPath());
                problems.putIfAbsent(setting, violation.getMessage());
            }
        }
        for (String setting : changed) {
            String problem = problems.get(setting);
            if (problem != null) {
                throw new InvalidSettingException(setting, problem);
            }
        }
    }

    /** The settings with the change applied: the API's overrides as they would be, over the application's own properties. */
    private Binder candidateBinder(Map<String, String> flat) {
        List<PropertySource<?>> sources = new ArrayList<>();
        sources.add(new MapPropertySource("fieldsync-settings-candidate", settings.overridesWith(flat)));
        for (PropertySource<?> source : environment.getPropertySources()) {
            // the attached view of every source would show the current overrides again
            if (!RuntimeSettings.PROPERTY_SOURCE.equals(source.getName())
                    && !ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
                sources.add(source);
            }
        }
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
    }

    /** A violation's path in a record ({@code entities[invoice].direction}) as the tree names it ({@code entities.invoice.direction}). */
    private static String settingName(String prefix, Path path) {
        StringBuilder name = new StringBuilder(prefix);
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                name.append('.').append(node.getKey() != null ? node.getKey() : node.getIndex());
            }
            if (node.getName() != null) {
                name.append(name.isEmpty() ? "" : ".").append(SettingDeclarations.kebab(node.getName()));
            }
        }
        return name.toString();
    }

    private static String unconvertible(Object value, Class<?> type) {
        String quoted = "'" + value + "'";
        if (type == Duration.class) {
            return quoted + " is not an ISO-8601 duration like PT15M, PT6H or P1D";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be one of false, true, not " + quoted;
        }
        if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive())) {
            return "must be a whole number, not " + quoted;
        }
        return quoted + " cannot be read as " + (type == null ? "this setting" : type.getSimpleName());
    }

    /** Account codes and tax types: only the connected Xero organisation knows them. */
    private void checkAgainstXero(Map<String, String> changed) {
        Lazy<Map<String, String>> accounts = new Lazy<>(xero::activeAccounts);
        Lazy<Map<String, BigDecimal>> taxTypes = new Lazy<>(xero::activeTaxRates);
        Lazy<Map<String, BigDecimal>> fsmRates = new Lazy<>(fsmTaxRates::byCode);
        changed.forEach((setting, value) -> {
            if (PAYMENT_METHOD_ACCOUNT.matcher(setting).matches()) {
                if (!value.isEmpty()) {
                    account(setting, value, accounts, "BANK");
                }
            } else if (TAX_TYPE.matcher(setting).matches()) {
                taxType(setting, value, taxTypes, fsmRates);
            } else if (ACCOUNTS.containsKey(setting)) {
                String type = ACCOUNTS.get(setting);
                if ("NOT_BANK".equals(type)) {
                    if (!value.isEmpty()) {
                        notBank(setting, value, accounts);
                    }
                } else {
                    account(setting, value, accounts, type.isEmpty() ? null : type);
                }
            }
        });
    }

    private static void taxType(String setting, String value, Lazy<Map<String, BigDecimal>> taxTypes,
                                Lazy<Map<String, BigDecimal>> fsmRates) {
        if (value.isEmpty()) {
            return;
        }
        if (!taxTypes.get().containsKey(value)) {
            throw new InvalidSettingException(setting, "'" + value + "' is not a tax type of the Xero organisation; it has "
                    + String.join(", ", new TreeSet<>(taxTypes.get().keySet())));
        }
        // Xero computes the tax from the type: another rate than the FSM's changes every total
        String code = setting.substring(setting.indexOf('.') + 1);
        TaxRateAgreement.disagreement(fsmRates.get().get(code), value, taxTypes.get().get(value)).ifPresent(disagreement -> {
            throw InvalidSettingException.worded(setting, SettingsTree.PREFIX + setting + ": " + disagreement
                    + "; map it to a Xero tax type of the same rate");
        });
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
