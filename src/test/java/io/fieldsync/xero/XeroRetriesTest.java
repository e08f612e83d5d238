package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class XeroRetriesTest {

    private final XeroRetries retries = new XeroRetries(new ObjectMapper(), 1000, 60_000);

    @Test
    void readableAnswersAndXerosRefusalsPass() {
        retries.check(answer(200, "{\"Contacts\":[]}"));
        retries.check(answer(400, "{\"Type\":\"ValidationException\",\"Message\":\"bad\"}"));
        retries.check(answer(404, "The resource you're looking for cannot be found"));
    }

    @Test
    void serverErrorsAndUnreadableAnswersAreWorthAnotherTry() {
        assertThatThrownBy(() -> retries.check(answer(503, "{\"Title\":\"Service Unavailable\"}")))
                .isExactlyInstanceOf(XeroUnavailableException.class).hasMessageContaining("HTTP 503 to a Contacts batch");
        assertThatThrownBy(() -> retries.check(answer(502, "<html><head><title>502 Bad Gateway</title></head><body>Bad gateway</body></html>")))
                .isExactlyInstanceOf(XeroUnavailableException.class).hasMessageContaining("an HTML page").hasMessageContaining("502 Bad Gateway")
                .hasMessageNotContaining("<html>");
        assertThatThrownBy(() -> retries.check(answer(200, "{\"Contacts\":[{\"ContactID\":\"4a")))
                .isExactlyInstanceOf(XeroUnavailableException.class).hasMessageContaining("could not be read");
        assertThatThrownBy(() -> retries.check(answer(200, "<html>maintenance</html>")))
                .isExactlyInstanceOf(XeroUnavailableException.class);
        assertThatThrownBy(() -> retries.unreachable(answer(0, null), new IOException("Connection reset")))
                .isExactlyInstanceOf(XeroUnavailableException.class).hasMessageContaining("cannot be reached").hasMessageContaining("Connection reset");
    }

    @Test
    void retryAfterOfAServerErrorIsWaitedForWhenLongerThanTheBackOff() {
        Exchange asked = answer(503, "{}");
        asked.getMessage().setHeader("Retry-After", "30");
        assertThatThrownBy(() -> retries.check(asked)).isInstanceOf(XeroUnavailableException.class);
        assertThat(asked.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class)).isEqualTo(30_000L);

        Exchange late = answer(503, "{}");
        late.getMessage().setHeader("Retry-After", "1");
        late.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 3); // the back-off is at 8 s by now
        assertThatThrownBy(() -> retries.check(late)).isInstanceOf(XeroUnavailableException.class);
        assertThat(late.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class)).isEqualTo(8_000L);

        Exchange plain = answer(500, "{}");
        assertThatThrownBy(() -> retries.check(plain)).isInstanceOf(XeroUnavailableException.class);
        assertThat(plain.getMessage().getHeader(Exchange.REDELIVERY_DELAY)).as("the policy's own back-off applies").isNull();
    }

    @Test
    void backOffDoublesUpToItsCeiling() {
        Exchange exchange = answer(503, "{}");
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 0);
        assertThat(retries.backOff(exchange)).isEqualTo(1000);
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 5);
        assertThat(retries.backOff(exchange)).isEqualTo(32_000);
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 40);
        assertThat(retries.backOff(exchange)).isEqualTo(60_000);
    }

    @Test
    void rateLimitedCallsGoAgainAsSoonAsTheGovernorAllows() {
        Exchange limited = answer(429, "");
        limited.getMessage().setHeader("X-Rate-Limit-Problem", "minute");
        assertThatThrownBy(() -> retries.check(limited)).isExactlyInstanceOf(XeroRateLimitedException.class)
                .hasMessageContaining("minute limit");
        assertThat(limited.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class)).isZero();
    }

    @Test
    void aBatchKeptAsDeadLetterSaysSoInItsMessage() {
        XeroUnavailableException error = new XeroUnavailableException("Xero answered HTTP 503 to a Contacts batch: x");
        error.gaveUp("7 attempts; the batch is kept as dead letter 4");
        assertThat(error).hasMessage("Xero answered HTTP 503 to a Contacts batch: x (7 attempts; the batch is kept as dead letter 4)");
    }

    private static Exchange answer(int status, String body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty("xeroCollection", "Contacts");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody(body);
        return exchange;
    }
}
