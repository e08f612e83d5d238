package io.fieldsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Xero answers XML to a client that does not ask for JSON. A rough rendering is enough: what
 * matters is that such a client fails loudly here rather than in production.
 */
final class XmlAnswer {
    private XmlAnswer() {
    }

    static void convert(SandboxAnswer answer) {
        if (answer.json == null || answer.fault != null) {
            return;
        }
        boolean error = answer.json.has("ErrorNumber");
        StringBuilder xml = new StringBuilder();
        element(xml, error ? "ApiException" : "Response", answer.json);
        answer.json = null;
        answer.body = xml.toString().getBytes(StandardCharsets.UTF_8);
        answer.headers.put("Content-Type", "text/xml; charset=utf-8");
    }

    private static void element(StringBuilder xml, String name, JsonNode node) {
        xml.append('<').append(name).append('>');
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getValue().isNull()) {
                    element(xml, field.getKey(), field.getValue());
                }
            }
        } else if (node.isArray()) {
            String item = name.endsWith("es") && name.endsWith("sses") ? name.substring(0, name.length() - 2)
                    : name.endsWith("s") ? name.substring(0, name.length() - 1) : name + "Item";
            node.forEach(child -> element(xml, item, child));
        } else {
            xml.append(escape(node.asText()));
        }
        xml.append("</").append(name).append('>');
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
