package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The read parameters Xero supports on collection GETs, applied in Xero's order: filter, order, page. */
final class ListQuery {
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;
    static final Set<String> PAGED = Set.of("Invoices", "Contacts", "Payments", "PurchaseOrders", "BankTransactions");

    record Result(List<ObjectNode> items, ObjectNode pagination) {
    }

    /** A where clause the sandbox does not understand: Xero answers 400 QueryParseException. */
    static final class QueryParseException extends RuntimeException {
        QueryParseException(String message) {
            super(message);
        }
    }

    private ListQuery() {
    }

    static Result apply(SandboxRequest request, String collection, List<ObjectNode> all) {
        Stream<ObjectNode> stream = all.stream();
        // Xero's GET /Payments takes no includeArchived: deleted payments are listed, with Status DELETED
        if (!collection.equals("Payments") && !request.queryFlag("includeArchived") && request.queryParam("Statuses") == null) {
            stream = stream.filter(ListQuery::isCurrent);
        }
        stream = filterIn(stream, request.queryParam("IDs"), n -> Json.text(n, SandboxStore.ID_FIELDS.get(collection)));
        stream = filterIn(stream, request.queryParam("InvoiceNumbers"), n -> Json.text(n, "InvoiceNumber"));
        stream = filterIn(stream, request.queryParam("ContactIDs"), n -> Json.text(n.path("Contact"), "ContactID"));
        stream = filterIn(stream, request.queryParam("Statuses"), ListQuery::status);
        stream = filterIn(stream, request.queryParam("Status"), ListQuery::status);
        String searchTerm = collection.equals("Contacts") ? request.queryParam("searchTerm") : null;
        if (searchTerm != null && !searchTerm.isBlank()) {
            String term = searchTerm.trim().toLowerCase(Locale.ROOT);
            stream = stream.filter(n -> Stream.of("Name", "FirstName", "LastName", "ContactNumber", "CompanyNumber", "EmailAddress")
                    .map(f -> Json.text(n, f)).anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(term)));
        }
        Instant since = XeroDates.parseInstant(request.header("If-Modified-Since"));
        if (since != null) {
            Instant sinceSecond = since.truncatedTo(ChronoUnit.SECONDS);
            stream = stream.filter(n -> {
                Instant updated = XeroDates.parseInstant(Json.text(n, "UpdatedDateUTC"));
                return updated == null || !updated.truncatedTo(ChronoUnit.SECONDS).isBefore(sinceSecond);
            });
        }
        String where = request.queryParam("where");
        if (where != null && !where.isBlank()) {
            stream = stream.filter(WhereClause.parse(where));
        }
        List<ObjectNode> filtered = stream.collect(Collectors.toList());
        String order = request.queryParam("order");
        if (order != null && !order.isBlank()) {
            filtered.sort(comparator(order));
        }
        if (!PAGED.contains(collection) || request.queryParam("page") == null) {
            return new Result(filtered, null);
        }
        int page = Math.max(1, parseInt(request.queryParam("page"), 1));
        int pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, parseInt(request.queryParam("pageSize"), DEFAULT_PAGE_SIZE)));
        int from = Math.min(filtered.size(), (page - 1) * pageSize);
        int to = Math.min(filtered.size(), from + pageSize);
        ObjectNode pagination = Json.object();
        pagination.put("page", page);
        pagination.put("pageSize", pageSize);
        pagination.put("pageCount", (filtered.size() + pageSize - 1) / pageSize);
        pagination.put("itemCount", filtered.size());
        return new Result(filtered.subList(from, to), pagination);
    }

    /** Archived contacts and voided or deleted documents only show with includeArchived=true. */
    private static boolean isCurrent(ObjectNode node) {
        String status = status(node);
        return status == null || !(status.equals("ARCHIVED") || status.equals("VOIDED") || status.equals("DELETED"));
    }

    private static String status(ObjectNode node) {
        String status = Json.text(node, "Status");
        return status != null ? status : Json.text(node, "ContactStatus");
    }

    private static Stream<ObjectNode> filterIn(Stream<ObjectNode> stream, String csv,
                                               java.util.function.Function<ObjectNode, String> field) {
        if (csv == null || csv.isBlank()) {
            return stream;
        }
        Set<String> wanted = Arrays.stream(csv.split(",")).map(s -> s.trim().toUpperCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return stream.filter(n -> {
            String value = field.apply(n);
            return value != null && wanted.contains(value.toUpperCase(Locale.ROOT));
        });
    }

    private static Comparator<ObjectNode> comparator(String order) {
        String[] parts = order.trim().split("\\s+");
        String field = parts[0];
        Comparator<ObjectNode> comparator = Comparator.comparing((ObjectNode n) -> sortKey(n, field),
                Comparator.nullsFirst(Comparator.naturalOrder()));
        return parts.length > 1 && parts[1].equalsIgnoreCase("DESC") ? comparator.reversed() : comparator;
    }

    @SuppressWarnings({"rawtypes"})
    private static Comparable sortKey(ObjectNode node, String field) {
        JsonNode value = WhereClause.resolve(node, field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        Instant instant = value.asText().startsWith("/Date(") ? XeroDates.parseInstant(value.asText()) : null;
        return instant != null ? instant.toString() : value.asText().toLowerCase(Locale.ROOT);
    }

    private static int parseInt(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * A small part of Xero's where language: Field==value, Field!=value, and the orderings
     * (&gt;=, &lt;=, &gt;, &lt;) on numbers and on dates written as DateTime(2026, 01, 31[, 13, 05, 00]),
     * joined by AND / &amp;&amp; or OR / ||.
     */
    static final class WhereClause {
        private static final java.util.regex.Pattern DATE_TIME = java.util.regex.Pattern.compile(
                "(?i)^DateTime\\(\\s*(\\d{4})\\s*,\\s*(\\d{1,2})\\s*,\\s*(\\d{1,2})"
                        + "(?:\\s*,\\s*(\\d{1,2})\\s*,\\s*(\\d{1,2})\\s*,\\s*(\\d{1,2}))?\\s*\\)$");

        private WhereClause() {
        }

        private static final java.util.regex.Pattern OR = java.util.regex.Pattern.compile("(?i)\\s+OR\\s+|\\s*\\|\\|\\s*");
        private static final java.util.regex.Pattern AND = java.util.regex.Pattern.compile("(?i)\\s+AND\\s+|\\s*&&\\s*");

        static Predicate<ObjectNode> parse(String where) {
            Predicate<ObjectNode> any = null;
            for (String disjunct : splitOutsideStrings(where, OR)) {
                Predicate<ObjectNode> all = n -> true;
                for (String term : splitOutsideStrings(disjunct, AND)) {
                    all = all.and(term(term.trim()));
                }
                any = any == null ? all : any.or(all);
            }
            return any;
        }

        /**
         * Splits at the separators that are not inside a string literal: a name such as
         * {@code "Smith && Sons OR Co"} is one value. Inside a literal a backslash escapes the
         * next character, as in Xero's (C#) string literals.
         */
        static List<String> splitOutsideStrings(String text, java.util.regex.Pattern separator) {
            List<String> parts = new java.util.ArrayList<>();
            java.util.regex.Matcher m = separator.matcher(text);
            boolean inString = false;
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        inString = false;
                    }
                    continue;
                }
                if (c == '"') {
                    inString = true;
                    continue;
                }
                m.region(i, text.length());
                if (m.lookingAt() && m.end() > i) {
                    parts.add(text.substring(start, i));
                    start = m.end();
                    i = m.end() - 1;
                }
            }
            if (inString) {
                throw new QueryParseException("Unterminated string literal: " + text.substring(start));
            }
            parts.add(text.substring(start));
            return parts;
        }

        private static Predicate<ObjectNode> term(String term) {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("^\\(?\\s*([A-Za-z][A-Za-z0-9.]*)\\s*(==|!=|>=|<=|>|<)\\s*(.+?)\\s*\\)?$").matcher(term);
            if (!m.matches()) {
                throw new QueryParseException("Could not parse where clause: " + term);
            }
            String field = m.group(1);
            String operator = m.group(2);
            if (!operator.equals("==") && !operator.equals("!=")) {
                return ordering(field, operator, m.group(3));
            }
            boolean equals = operator.equals("==");
            String literal = literal(m.group(3));
            return n -> {
                JsonNode value = resolve(n, field);
                String text = value == null || value.isNull() ? null : value.asText();
                boolean same = literal == null ? text == null : literal.equalsIgnoreCase(text)
                        || (value != null && value.isNumber() && literal.matches("-?\\d+(\\.\\d+)?")
                        && value.decimalValue().compareTo(new java.math.BigDecimal(literal)) == 0);
                return equals == same;
            };
        }

        /** Field &gt;= DateTime(...) or Field &lt; 100.50: a document without the field never matches, as in Xero. */
        private static Predicate<ObjectNode> ordering(String field, String operator, String raw) {
            String text = raw.trim();
            if (text.chars().filter(c -> c == '(').count() > text.chars().filter(c -> c == ')').count()) {
                text = text + ")"; // the term's pattern took DateTime's closing bracket for a bracketed term's
            }
            java.util.function.Function<JsonNode, Comparable<Object>> key;
            Comparable<Object> bound;
            java.util.regex.Matcher dateTime = DATE_TIME.matcher(text);
            if (dateTime.matches()) {
                bound = comparable(java.time.LocalDateTime.of(Integer.parseInt(dateTime.group(1)), Integer.parseInt(dateTime.group(2)),
                        Integer.parseInt(dateTime.group(3)), dateTime.group(4) == null ? 0 : Integer.parseInt(dateTime.group(4)),
                        dateTime.group(5) == null ? 0 : Integer.parseInt(dateTime.group(5)),
                        dateTime.group(6) == null ? 0 : Integer.parseInt(dateTime.group(6))).toInstant(java.time.ZoneOffset.UTC));
                key = value -> {
                    Instant instant = value == null || value.isNull() ? null : XeroDates.parseInstant(value.asText());
                    return instant == null ? null : comparable(instant);
                };
            } else if (text.matches("-?\\d+(\\.\\d+)?")) {
                bound = comparable(new java.math.BigDecimal(text));
                key = value -> value == null || !value.isNumber() ? null : comparable(value.decimalValue());
            } else {
                throw new QueryParseException("Could not parse where value: " + raw);
            }
            return n -> {
                Comparable<Object> value = key.apply(resolve(n, field));
                if (value == null) {
                    return false;
                }
                int order = value.compareTo(bound);
                return switch (operator) {
                    case ">=" -> order >= 0;
                    case "<=" -> order <= 0;
                    case ">" -> order > 0;
                    default -> order < 0;
                };
            };
        }

        @SuppressWarnings("unchecked")
        private static Comparable<Object> comparable(Comparable<?> value) {
            return (Comparable<Object>) value;
        }

        private static String literal(String raw) {
            String text = raw.trim();
            if (text.equals("null")) {
                return null;
            }
            java.util.regex.Matcher guid = java.util.regex.Pattern.compile("(?i)^guid\\(\"?([^\")]+)\"?\\)$").matcher(text);
            if (guid.matches()) {
                return guid.group(1);
            }
            if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
                return unescape(text.substring(1, text.length() - 1), raw);
            }
            if (text.matches("(?i)true|false|-?\\d+(\\.\\d+)?")) {
                return text;
            }
            throw new QueryParseException("Could not parse where value: " + raw);
        }

        /**
         * A string literal's text, as Xero (C#) reads it: a backslash escapes a quote, a backslash
         * and \\n \\r \\t \\0 \\uXXXX; a bare quote or any other escape is a parse error, as in Xero.
         */
        static String unescape(String body, String raw) {
            StringBuilder text = new StringBuilder(body.length());
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '"') {
                    throw new QueryParseException("Could not parse where value (a quote inside a string must be escaped as \\\"): " + raw);
                }
                if (c != '\\') {
                    text.append(c);
                    continue;
                }
                if (++i >= body.length()) {
                    throw new QueryParseException("Unterminated string literal: " + raw);
                }
                char escaped = body.charAt(i);
                switch (escaped) {
                    case '\\', '"', '\'' -> text.append(escaped);
                    case 'n' -> text.append('\n');
                    case 'r' -> text.append('\r');
                    case 't' -> text.append('\t');
                    case '0' -> text.append('\0');
                    case 'u' -> {
                        try {
                            text.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                        } catch (NumberFormatException | IndexOutOfBoundsException e) {
                            throw new QueryParseException("Unrecognized escape sequence in " + raw);
                        }
                        i += 4;
                    }
                    default -> throw new QueryParseException("Unrecognized escape sequence \\" + escaped + " in " + raw);
                }
            }
            return text.toString();
        }

        /** Follows Contact.ContactID style paths, ignoring case as Xero does. */
        static JsonNode resolve(JsonNode node, String path) {
            JsonNode current = node;
            for (String part : path.split("\\.")) {
                if (current == null || !current.isObject()) {
                    return null;
                }
                JsonNode next = current.get(part);
                if (next == null) {
                    var names = current.fieldNames();
                    while (names.hasNext()) {
                        String name = names.next();
                        if (name.equalsIgnoreCase(part)) {
                            next = current.get(name);
                            break;
                        }
                    }
                }
                current = next;
            }
            return current;
        }
    }
}
