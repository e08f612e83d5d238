package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What a GET makes of Xero's answer: JSON as it is, or one clear exception with Xero's status. */
class XeroGetTest {

    private static final String URL = "https://api.xero.com/api.xro/2.0/TaxRates";
    private static final String OUTAGE_PAGE = "<!DOCTYPE html><html><head><title>502 Service Unavailable</title>"
            + "<style>body { font: 12px }</style></head><body><h1>Sorry, something went wrong</h1>"
            + "<p>Xero is temporarily unavailable. Please try again shortly.</p></body></html>";
    private static final String TAX_RATES = """
            {"Id": "7d2e4f60-1c3b-4e5a-9f80-112233445566", "Status": "OK", "TaxRates": [
              {"Name": "GST on Income", "TaxType": "OUTPUT", "Status": "ACTIVE", "EffectiveRate": 10.0,
               "UpdatedDateUTC": "/Date(-2208988800000+0000)/", "SandboxFutureField": {"Note": "new"}},
              {"Name": "GST Free Income", "TaxType": "EXEMPTOUTPUT", "Status": "ACTIVE", "EffectiveRate": 0.0}]}""";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void preEpochDatesAndFieldsThisVersionDoesNotKnowAreReadAsTheyAre() {
        JsonNode answer = XeroGet.read(json, URL, 200, "application/json; charset=utf-8", TAX_RATES);

        assertThat(answer.path("TaxRates")).hasSize(2);
        assertThat(answer.path("TaxRates").path(0).path("UpdatedDateUTC").asText()).isEqualTo("/Date(-2208988800000+0000)/");
    }

    @Test
    void htmlErrorPageEndsInXerosStatusAndThePagesWords() {
        assertThatThrownBy(() -> XeroGet.read(json, URL, 502, "text/html; charset=utf-8", OUTAGE_PAGE))
                .isInstanceOf(XeroAnswerException.class)
                .hasMessage("Xero answered HTTP 502 to GET " + URL + ": an HTML page, not JSON (a gateway's or an outage"
                        + " page): \"502 Service Unavailable: Sorry, something went wrong Xero is temporarily unavailable."
                        + " Please try again shortly.\"");
    }

    @Test
    void htmlPageWithStatus200IsNotTakenForAnAnswer() {
        assertThatThrownBy(() -> XeroGet.read(json, URL, 200, null, "\n  " + OUTAGE_PAGE))
                .isInstanceOf(XeroAnswerException.class)
                .hasMessageStartingWith("Xero's answer (HTTP 200) to GET " + URL + " is an HTML page, not JSON:"
                        + " \"502 Service Unavailable: Sorry");
    }

    @Test
    void answerCutOffOnTheWaySaysSo() {
        String truncated = TAX_RATES.substring(0, TAX_RATES.length() / 2);

        assertThatThrownBy(() -> XeroGet.read(json, URL, 200, "application/json", truncated))
                .isInstanceOf(XeroAnswerException.class)
                .hasMessageStartingWith("Xero's answer (HTTP 200) to GET " + URL + " breaks off after "
                        + truncated.length() + " characters, before its JSON ends (cut off on the way): {\"Id\":");
        for (int end : new int[] {1, 20, 99, 150, TAX_RATES.length() - 1}) {
            assertThatThrownBy(() -> XeroGet.read(json, URL, 200, "application/json", TAX_RATES.substring(0, end)))
                    .as("cut after %d characters", end).hasMessageContaining("breaks off after " + end + " characters");
        }
    }

    @Test
    void emptyAndNonJsonAnswersAreRefusedWithXerosStatus() {
        assertThatThrownBy(() -> XeroGet.read(json, URL, 200, "application/json", ""))
                .isInstanceOf(XeroAnswerException.class).hasMessage("Xero's answer (HTTP 200) to GET " + URL + " is empty");
        assertThatThrownBy(() -> XeroGet.read(json, URL, 200, "application/xml", "<Response><TaxRates/></Response>"))
                .isInstanceOf(XeroAnswerException.class)
                .hasMessageStartingWith("Xero's answer (HTTP 200) to GET " + URL + " is not JSON (")
                .hasMessageEndingWith("): <Response><TaxRates/></Response>");
        assertThatThrownBy(() -> XeroGet.read(json, URL, 503, "application/json",
                "{\"Title\": \"Service Unavailable\", \"Status\": 503}"))
                .isInstanceOf(XeroAnswerException.class)
                .hasMessage("Xero answered HTTP 503 to GET " + URL + ": {\"Title\": \"Service Unavailable\", \"Status\": 503}");
    }
}
