package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Files on invoices and purchase orders: raw bytes in, at most 10 a document, known file types only. */
final class AttachmentsApi {
    static final int MAX_PER_DOCUMENT = 10;
    static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final Map<String, String> MIME_TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("bmp", "image/bmp"),
            Map.entry("tif", "image/tiff"), Map.entry("tiff", "image/tiff"), Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("odf", "application/vnd.oasis.opendocument.formula"), Map.entry("rtf", "application/rtf"),
            Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"), Map.entry("zip", "application/zip"),
            Map.entry("rar", "application/x-rar-compressed"));

    private final SandboxStore store;
    private final java.util.function.Supplier<String> baseUrl;

    AttachmentsApi(SandboxStore store, java.util.function.Supplier<String> baseUrl) {
        this.store = store;
        this.baseUrl = baseUrl;
    }

    SandboxAnswer list(String collection, ObjectNode document) {
        String id = idOf(collection, document);
        List<ObjectNode> listed = new ArrayList<>();
        store.attachments(id).forEach(a -> listed.add(describe(collection, id, a)));
        return SandboxAnswer.json(200, XeroEnvelope.of("Attachments", listed));
    }

    SandboxAnswer download(String collection, ObjectNode document, String fileNameOrId) {
        return store.attachments(idOf(collection, document)).stream()
                .filter(a -> a.fileName().equalsIgnoreCase(fileNameOrId) || a.attachmentId().equalsIgnoreCase(fileNameOrId))
                .findFirst()
                .map(a -> SandboxAnswer.bytes(200, a.mimeType(), a.content()))
                .orElseGet(() -> SandboxAnswer.notFound("The resource you're looking for cannot be found"));
    }

    /** PUT and POST both upload; a file with the same name replaces the earlier one. */
    SandboxAnswer upload(String collection, ObjectNode document, String fileName, SandboxRequest request) {
        String extension = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String mimeType = MIME_TYPES.get(extension);
        if (mimeType == null) {
            return SandboxAnswer.apiException(400, 10, "ValidationException", "The file type ." + extension + " is not supported.");
        }
        if (request.body().length == 0) {
            return SandboxAnswer.apiException(400, 10, "ValidationException", "The attachment is empty.");
        }
        if (request.body().length > MAX_BYTES) {
            return SandboxAnswer.apiException(413, 10, "ValidationException", "The attachment is larger than 10 MB.");
        }
        String id = idOf(collection, document);
        List<SandboxAttachment> attachments = store.attachments(id);
        SandboxAttachment previous = attachments.stream()
                .filter(a -> a.fileName().equalsIgnoreCase(fileName)).findFirst().orElse(null);
        if (previous == null && attachments.size() >= MAX_PER_DOCUMENT) {
            return SandboxAnswer.apiException(400, 10, "ValidationException",
                    "A document can have at most " + MAX_PER_DOCUMENT + " attachments.");
        }
        boolean includeOnline = collection.equals("Invoices") && request.queryFlag("IncludeOnline");
        SandboxAttachment attachment = new SandboxAttachment(
                previous != null ? previous.attachmentId() : SandboxStore.newId(), fileName, mimeType, request.body().clone(), includeOnline);
        if (previous != null) {
            attachments.set(attachments.indexOf(previous), attachment);
        } else {
            attachments.add(attachment);
        }
        if (!document.path("HasAttachments").asBoolean()) {
            ObjectNode updated = document.deepCopy();
            updated.put("HasAttachments", true);
            store.save(collection, updated);
        }
        return SandboxAnswer.json(200, XeroEnvelope.of("Attachments", describe(collection, id, attachment)));
    }

    private ObjectNode describe(String collection, String documentId, SandboxAttachment attachment) {
        ObjectNode node = Json.object();
        node.put("AttachmentID", attachment.attachmentId());
        node.put("FileName", attachment.fileName());
        node.put("Url", baseUrl.get() + SandboxRequest.API_PREFIX + "/" + collection + "/" + documentId + "/Attachments/"
                + java.net.URLEncoder.encode(attachment.fileName(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        node.put("MimeType", attachment.mimeType());
        node.put("ContentLength", attachment.content().length);
        if (collection.equals("Invoices")) {
            node.put("IncludeOnline", attachment.includeOnline());
        }
        return node;
    }

    private static String idOf(String collection, ObjectNode document) {
        return document.get(SandboxStore.ID_FIELDS.get(collection)).asText();
    }
}
