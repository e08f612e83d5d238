package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Values in Xero's where filters, as its C# string literals read them. */
class XeroWhereTest {

    @Test
    void backslashesAndQuotesAreEscapedSoTheyStayText() {
        assertThat(XeroWhere.equalTo("Name", "Acme \\ \"Best\" Plumbing")).isEqualTo("Name==\"Acme \\\\ \\\"Best\\\" Plumbing\"");
        assertThat(XeroWhere.quoted("Acme\\")).isEqualTo("\"Acme\\\\\"");
    }

    @Test
    void controlCharactersGoAsEscapes() {
        assertThat(XeroWhere.quoted("a\tb\nc\u0001")).isEqualTo("\"a\\tb\\nc\\u0001\"");
    }
}
