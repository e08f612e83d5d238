package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Routes /api.xro/2.0 requests to the collections; one request at a time holds the store, as one batch. */
final class AccountingApi {
    private static final List<String> ATTACHABLE = List.of("Invoices", "PurchaseOrders");
    private static final List<String> READ_ONLY = List.of("Accounts", "TaxRates");

    private final SandboxStore store;
    private final Map<String, DocumentCollection> collections = new LinkedHashMap<>();
    private final AttachmentsApi attachments;

    AccountingApi(SandboxStore store, java.util.function.Supplier<String> baseUrl) {
        this.store = store;
        ContactsApi contacts = new ContactsApi(store);
        for (DocumentCollection c : List.of(contacts, new ItemsApi(store), new InvoicesApi(store, contacts),
                new PaymentsApi(store), new PurchaseOrdersApi(store, contacts), new BankTransactionsApi(store, contacts))) {
            collections.put(c.name(), c);
        }
        this.attachments = new AttachmentsApi(store, baseUrl);
    }

    /** The canonical name of a collection in a path, ignoring case as Xero does; null when unknown. */
    static String canonical(String segment) {
        for (String name : List.of("Contacts", "Items", "Invoices", "Payments", "PurchaseOrders", "BankTransactions", "Accounts", "TaxRates", "Organisation")) {
            if (name.equalsIgnoreCase(segment)) {
                return name;
            }
        }
        return null;
    }

    SandboxAnswer handle(SandboxRequest request) {
        List<String> segments = request.apiSegments();
        String collection = segments.isEmpty() ? null : canonical(segments.get(0));
        if (collection == null) {
            return notFound();
        }
        synchronized (store) {
            try {
                if (collection.equals("Organisation")) {
                    return request.method().equals("GET") && segments.size() == 1
                            ? SandboxAnswer.json(200, XeroEnvelope.of("Organisations", store.organisation())) : notFound();
                }
                if (READ_ONLY.contains(collection)) {
                    return request.method().equals("GET") ? read(request, collection, segments, null) : notFound();
                }
                DocumentCollection documents = collections.get(collection);
                if (segments.size() >= 3 && segments.get(2).equalsIgnoreCase("Attachments") && ATTACHABLE.contains(collection)) {
                    return attachment(request, collection, documents, segments);
                }
                if (segments.size() > 2) {
                    return notFound();
                }
                return switch (request.method()) {
                    case "GET" -> read(request, collection, segments, documents);
                    case "PUT", "POST" -> write(request, documents, segments.size() == 2 ? segments.get(1) : null);
                    default -> SandboxAnswer.empty(405);
                };
            } catch (ListQuery.QueryParseException e) {
                return SandboxAnswer.apiException(400, 16, "QueryParseException", e.getMessage());
            }
        }
    }

    private SandboxAnswer read(SandboxRequest request, String collection, List<String> segments, DocumentCollection documents) {
        if (segments.size() == 2) {
            ObjectNode found = documents != null ? documents.lookup(segments.get(1)) : store.find(collection, segments.get(1));
            if (found == null && collection.equals("Accounts")) {
                found = store.findBy("Accounts", "Code", segments.get(1));
            }
            return found == null ? notFound() : SandboxAnswer.json(200, XeroEnvelope.of(collection, found));
        }
        ListQuery.Result result = ListQuery.apply(request, collection, store.all(collection));
        List<ObjectNode> shown = new ArrayList<>();
        result.items().forEach(n -> shown.add(documents == null ? n : documents.listView(n, request)));
        ObjectNode envelope = XeroEnvelope.of(collection, shown);
        if (result.pagination() != null) {
            JsonNode items = envelope.remove(collection);
            envelope.set("pagination", result.pagination());
            envelope.set(collection, items);
        }
        return SandboxAnswer.json(200, envelope);
    }

    private SandboxAnswer write(SandboxRequest request, DocumentCollection documents, String pathId) {
        List<ObjectNode> elements;
        try {
            elements = elements(Json.parse(request.body()), documents.name());
        } catch (IOException | IllegalArgumentException e) {
            return SandboxAnswer.apiException(400, 14, "PostDataInvalidException", "JSON for the request body could not be read: "
                    + (e.getMessage() == null ? "empty body" : e.getMessage().lines().findFirst().orElse("")));
        }
        if (request.method().equals("POST") && documents.name().equals("Payments") && elements.size() > 1) {
            return SandboxAnswer.apiException(400, 14, "PostDataInvalidException", "POST /Payments takes a single payment; use PUT for many.");
        }
        boolean post = request.method().equals("POST");
        List<ElementResult> results = new ArrayList<>();
        for (ObjectNode element : elements) {
            results.add(documents.write(element, post, pathId, request));
        }
        boolean summarize = !"false".equalsIgnoreCase(request.queryParam("summarizeErrors"));
        return BatchAnswer.of(documents.name(), results, summarize);
    }

    /** Accepts Xero's wrapper {"Contacts":[...]}, a bare array, or one bare element. */
    private static List<ObjectNode> elements(JsonNode body, String collection) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw new IllegalArgumentException("empty body");
        }
        JsonNode list = body;
        if (body.isObject()) {
            list = null;
            var names = body.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (name.equalsIgnoreCase(collection)) {
                    list = body.get(name);
                }
            }
            if (list == null) {
                return List.of((ObjectNode) body);
            }
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(collection + " must be an array");
        }
        List<ObjectNode> elements = new ArrayList<>();
        for (JsonNode node : list) {
            if (!node.isObject()) {
                throw new IllegalArgumentException("each element must be an object");
            }
            elements.add((ObjectNode) node);
        }
        return elements;
    }

    private SandboxAnswer attachment(SandboxRequest request, String collection, DocumentCollection documents, List<String> segments) {
        ObjectNode document = documents.lookup(segments.get(1));
        if (document == null) {
            return notFound();
        }
        if (segments.size() == 3) {
            return request.method().equals("GET") ? attachments.list(collection, document) : SandboxAnswer.empty(405);
        }
        String fileName = String.join("/", segments.subList(3, segments.size()));
        return switch (request.method()) {
            case "GET" -> attachments.download(collection, document, fileName);
            case "PUT", "POST" -> attachments.upload(collection, document, fileName, request);
            default -> SandboxAnswer.empty(405);
        };
    }

    /** Test read access: documents as a GET would return them. */
    List<ObjectNode> documents(String collection) {
        String name = canonical(collection);
        if (name == null || name.equals("Organisation")) {
            throw new IllegalArgumentException("no such collection: " + collection);
        }
        synchronized (store) {
            List<ObjectNode> copies = new ArrayList<>();
            store.all(name).forEach(n -> copies.add(n.deepCopy()));
            return copies;
        }
    }

    List<SandboxAttachment> attachmentsOf(String documentId) {
        synchronized (store) {
            return List.copyOf(store.attachments(documentId));
        }
    }

    static SandboxAnswer notFound() {
        return SandboxAnswer.notFound("The resource you're looking for cannot be found");
    }

}
