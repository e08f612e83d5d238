package io.fieldsync.attachments;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The name a file gets on a Xero document. Xero keeps one file per name on a document (a second
 * upload of the name replaces the first), so a name already used there gets the file's id:
 * "photo.jpg" and "photo (1042).jpg". Separators of a path become dashes.
 */
final class AttachmentNames {

    private static final int MAX_LENGTH = 255;

    private AttachmentNames() {
    }

    static String unique(String fileName, long attachmentId, Collection<String> usedOnDocument) {
        String name = cleaned(fileName);
        Set<String> used = usedOnDocument.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (!used.contains(name.toLowerCase(Locale.ROOT))) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String suffix = " (" + attachmentId + ")";
        return stem.substring(0, Math.min(stem.length(), MAX_LENGTH - suffix.length() - extension.length())) + suffix + extension;
    }

    static String cleaned(String fileName) {
        String name = fileName.replaceAll("[/\\\\\\p{Cntrl}]", "-").strip();
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        return name.substring(0, MAX_LENGTH - extension.length()) + extension;
    }
}
