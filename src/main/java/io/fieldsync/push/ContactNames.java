package io.fieldsync.push;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsync.xero.ElementResult;
import io.fieldsync.xero.Outgoing;
import io.fieldsync.xero.XeroCollection;
import io.fieldsync.xero.XeroConnection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Xero keeps contact names unique among active contacts, while two customers called "Lachlan Ryan"
 * are normal. A customer or vendor whose name another contact has (in Xero, or earlier in the same
 * page) goes as "Lachlan Ryan (C00123)": its customer number (else "customer 42"), or "vendor 7"
 * for a vendor (vendors have no number in the FSM), within Xero's 255 characters by shortening the
 * name, never the suffix. A record named apart once is remembered (contact_name_suffix) and keeps
 * its suffix on every later push, renames included, so its name never flips back.
 * With {@code fieldsync.contacts.duplicate-names: fail} nothing is named apart: Xero refuses the
 * second one with its own words (suffixes remembered earlier stay).
 */
@Component("contactNames")
public class ContactNames {

    /** Document key: the suffix that names the record apart, e.g. "C00123" (customers and vendors only). */
    public static final String SUFFIX = "_name_suffix";
    /** Document key: true when the record is remembered as named apart. */
    public static final String SUFFIXED = "_name_suffixed";

    /** Xero's words for a name another active contact has. */
    static final String TAKEN = "is already assigned to another contact";
    static final int NAME_LIMIT = 255;

    private final XeroConnection connection;
    private final JdbcTemplate state;
    private final SyncRules rules;
    private final PayloadHashes hashes;

    public ContactNames(XeroConnection connection, JdbcTemplate state, SyncRules rules, PayloadHashes hashes) {
        this.connection = connection;
        this.state = state;
        this.rules = rules;
        this.hashes = hashes;
    }

    /** A name and what a person should know about it (null when nothing changed). */
    public record Named(Map<String, Object> element, String warning) {
    }

    /** A batch's answer once the contacts refused for a taken name are taken out to go again as {@code renamed}. */
    public record Settled(List<Outgoing> batch, List<ElementResult> results, List<Outgoing> renamed) {
    }

    /**
     * Adds {@link #SUFFIX} and {@link #SUFFIXED} to the documents of an entity that becomes Xero
     * contacts (customers, vendors); {@code suffix} is the one a person recognises the record by.
     */
    public void annotate(String entity, List<Map<String, Object>> documents,
                         java.util.function.Function<Map<String, Object>, String> suffix) {
        if (documents.isEmpty()) {
            return;
        }
        Set<Long> remembered = remembered(entity, documents.stream().map(d -> ((Number) d.get("id")).longValue()).toList());
        for (Map<String, Object> document : documents) {
            document.put(SUFFIX, suffix.apply(document));
            document.put(SUFFIXED, remembered.contains(((Number) document.get("id")).longValue()));
        }
    }

    /** The element named as its document says: with its suffix when remembered so. */
    public Named remembered(Map<String, Object> document, Map<String, Object> element) {
        if (document.get(SUFFIX) instanceof String suffix && Boolean.TRUE.equals(document.get(SUFFIXED))) {
            return apart(element, suffix);
        }
        return new Named(element, null);
    }

    /** Names for one page of records, planned in order: the later of two with one name is named apart. */
    public Page page(String entity) {
        return new Page(entity, rules.suffixesDuplicateNames());
    }

    public final class Page {
        private final String entity;
        private final boolean suffixing;
        private final Set<String> claimed = new HashSet<>();
        private final List<Long> namedApart = new ArrayList<>();

        private Page(String entity, boolean suffixing) {
            this.entity = entity;
            this.suffixing = suffixing;
        }

        public Named name(long localId, Map<String, Object> document, Map<String, Object> element) {
            if (!(document.get(SUFFIX) instanceof String suffix) || !(element.get("Name") instanceof String name)) {
                return new Named(element, null);
            }
            Named named = remembered(document, element);
            // a linked contact keeps the name it has in Xero; should Xero refuse it, its answer decides
            if (named.warning() == null && suffixing && element.get("ContactID") == null && claimed.contains(key(name))) {
                named = apart(element, suffix);
                namedApart.add(localId);
            }
            claimed.add(key((String) named.element().get("Name")));
            return named;
        }

        /** Remembers the records this page named apart; called before any of them is sent. */
        public void remember() {
            ContactNames.this.remember(entity, namedApart);
        }
    }

    /**
     * Takes out of a batch's answer the contacts Xero refused only because another contact has
     * their name, named apart (and remembered so) to go again at once in the same run; the rest
     * is recorded as answered. Nothing changes when duplicate names fail.
     */
    public Settled settle(String entity, List<Outgoing> batch, List<ElementResult> results) throws JsonProcessingException {
        if (!rules.suffixesDuplicateNames() || batch.stream().allMatch(r -> r.nameSuffix() == null)
                || batch.size() != results.size()) {
            return new Settled(batch, results, List.of());
        }
        List<Outgoing> answered = new ArrayList<>();
        List<ElementResult> answers = new ArrayList<>();
        List<Outgoing> renamed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Outgoing record = batch.get(i);
            ElementResult result = results.get(i);
            Named named = record.nameSuffix() == null || result.isOk()
                    || result.messages().stream().noneMatch(m -> m.contains(TAKEN))
                    ? null : apart(record.element(), record.nameSuffix());
            if (named == null || named.warning() == null) {
                answered.add(record);
                answers.add(result);
                continue;
            }
            List<String> warnings = new ArrayList<>(record.warnings());
            warnings.add(named.warning());
            Map<String, Object> element = named.element();
            Object number = element.containsKey("ContactNumber") ? record.number() : element.get("Name");
            renamed.add(new Outgoing(record.localId(), element, hashes.withoutId(element, XeroCollection.CONTACTS),
                    number == null ? null : number.toString(), List.copyOf(warnings), record.nameSuffix()));
        }
        remember(entity, renamed.stream().map(Outgoing::localId).toList());
        return new Settled(answered, answers, renamed);
    }

    /**
     * A Xero contact as the pulls read it: a linked record named apart is read with its own name,
     * so the pull neither renames the customer "Lachlan Ryan (C00123)" nor takes it for a change.
     */
    public JsonNode withoutSuffix(Map<String, Object> document, JsonNode contact) {
        if (!(document.get(SUFFIX) instanceof String suffix) || !Boolean.TRUE.equals(document.get(SUFFIXED))
                || !(contact instanceof ObjectNode object) || !contact.path("Name").isTextual()) {
            return contact;
        }
        String name = contact.path("Name").asText();
        String tail = tail(suffix);
        if (!name.endsWith(tail) || name.length() == tail.length()) {
            return contact;
        }
        ObjectNode copy = object.deepCopy();
        copy.put("Name", name.substring(0, name.length() - tail.length()));
        return copy;
    }

    /** The element named apart by {@code suffix} (a copy), with a warning; as it is when it already carries it. */
    static Named apart(Map<String, Object> element, String suffix) {
        if (!(element.get("Name") instanceof String name) || name.isBlank()) {
            return new Named(element, null);
        }
        String tail = tail(suffix);
        if (name.endsWith(tail)) {
            return new Named(element, null);
        }
        String named = firstCodePoints(name, NAME_LIMIT - tail.codePointCount(0, tail.length())).stripTrailing() + tail;
        Map<String, Object> copy = new LinkedHashMap<>(element);
        copy.put("Name", named);
        return new Named(copy, "Contact Name \"" + name + "\" is another Xero contact's name; sent as \"" + named + "\"");
    }

    private static String tail(String suffix) {
        return " (" + suffix + ")";
    }

    private static String firstCodePoints(String value, int count) {
        if (value.codePointCount(0, value.length()) <= count) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, Math.max(0, count)));
    }

    /** Xero compares names without regard to case or surrounding spaces. */
    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private Set<Long> remembered(String entity, Collection<Long> localIds) {
        if (localIds.isEmpty()) {
            return Set.of();
        }
        String in = String.join(",", localIds.stream().map(id -> "?").toList());
        List<Object> args = new ArrayList<>();
        args.add(connection.currentTenant().getId());
        args.add(entity);
        args.addAll(localIds);
        return new HashSet<>(state.queryForList("select local_id from contact_name_suffix where tenant_ref = ? and entity = ?"
                + " and local_id in (" + in + ")", Long.class, args.toArray()));
    }

    private void remember(String entity, List<Long> localIds) {
        if (localIds.isEmpty()) {
            return;
        }
        Long tenant = connection.currentTenant().getId();
        Set<Long> known = remembered(entity, localIds);
        for (Long localId : localIds) {
            if (known.contains(localId)) {
                continue;
            }
            try {
                state.update("insert into contact_name_suffix (tenant_ref, entity, local_id, created_at) values (?, ?, ?, ?)",
                        tenant, entity, localId, Timestamp.from(Instant.now()));
            } catch (DuplicateKeyException alreadyThere) {
                // another node or batch remembered it first: the same fact
            }
        }
    }
}
