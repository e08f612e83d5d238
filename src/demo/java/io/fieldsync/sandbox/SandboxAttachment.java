package io.fieldsync.sandbox;

/** A file attached to an invoice or purchase order in the sandbox. */
public record SandboxAttachment(String attachmentId, String fileName, String mimeType, byte[] content, boolean includeOnline) {
}
