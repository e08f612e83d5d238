package io.fieldsync.reconcile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.fieldsync.settings.ReconciliationProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Which document kinds the report compares ({@code fieldsync.reconciliation.documents}: invoice, bill). */
@Component("reconciliationDocuments")
public class ReconciliationDocuments {

    private final Set<String> kinds;

    @Autowired
    public ReconciliationDocuments(ReconciliationProperties settings) {
        this(settings.documents());
    }

    ReconciliationDocuments(String kinds) {
        this.kinds = Arrays.stream(kinds.split(",")).map(k -> k.trim().toLowerCase(Locale.ROOT)).filter(k -> !k.isEmpty())
                .collect(Collectors.toSet());
    }

    public boolean includes(String entity) {
        return kinds.contains(entity);
    }
}
