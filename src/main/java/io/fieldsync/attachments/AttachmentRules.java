package io.fieldsync.attachments;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.fieldsync.config.LiveSettings;
import io.fieldsync.settings.AttachmentProperties;
import org.springframework.stereotype.Component;

/**
 * Which field-service files may go to Xero at all, from {@code fieldsync.attachments.*}, read at
 * each use so the settings API changes them between runs: the file types Xero accepts, the size
 * it takes, and whether invoice files are shown to the customer with the online invoice.
 */
@Component
public class AttachmentRules {

    private final LiveSettings settings;

    public AttachmentRules(LiveSettings settings) {
        this.settings = settings;
    }

    public long maxBytes() {
        return settings.current(AttachmentProperties.class).maxBytes();
    }

    public boolean includeOnline() {
        return settings.current(AttachmentProperties.class).includeOnline();
    }

    public Set<String> fileTypes() {
        String listed = settings.current(AttachmentProperties.class).fileTypes();
        return Arrays.stream(listed.split(",")).map(t -> t.trim().toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))
                .filter(t -> !t.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Why the file never goes to Xero, if it does not; a file that passes may still wait for its document. */
    Optional<String> refusal(FsmFile file) {
        if (!file.ofInvoice() && !file.ofPurchaseOrder()) {
            return Optional.of("A file of a " + file.ownerType() + ": Xero has no document for it, so it is not exported");
        }
        if (file.deleted()) {
            return Optional.of("Deleted in the field-service system before it was exported");
        }
        Set<String> types = fileTypes();
        if (!types.contains(file.extension())) {
            return Optional.of((file.extension().isEmpty() ? "A file without an extension" : "A ." + file.extension() + " file")
                    + ": Xero does not accept this file type (fieldsync.attachments.file-types: " + String.join(", ", types) + ")");
        }
        if (file.sizeBytes() <= 0) {
            return Optional.of("An empty file: Xero does not take files without content");
        }
        long max = maxBytes();
        if (file.sizeBytes() > max) {
            return Optional.of("The file is " + size(file.sizeBytes()) + "; at most " + size(max)
                    + " go to Xero (fieldsync.attachments.max-bytes)");
        }
        return Optional.empty();
    }

    private static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
        return bytes >= 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0) : bytes + " bytes";
    }
}
