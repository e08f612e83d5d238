package io.fieldsync.xero;

/**
 * Values in Xero's {@code where} filters. Xero reads a filter as a C# expression: a string
 * literal is in double quotes, and a backslash inside it escapes the next character, so a name
 * such as {@code Acme \ "Best" Plumbing} must go as {@code "Acme \\ \"Best\" Plumbing"}; a bare
 * backslash would escape the closing quote and Xero would refuse the whole filter.
 */
public final class XeroWhere {

    private XeroWhere() {
    }

    /** {@code value} as a string literal of a where filter, quotes included. */
    public static String quoted(String value) {
        StringBuilder literal = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> literal.append("\\\\");
                case '"' -> literal.append("\\\"");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                default -> {
                    if (c < 0x20) {
                        literal.append(String.format("\\u%04x", (int) c));
                    } else {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('"').toString();
    }

    /** {@code field=="value"}, the value escaped. */
    public static String equalTo(String field, String value) {
        return field + "==" + quoted(value);
    }
}
