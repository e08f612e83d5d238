package io.fieldsync.xero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class XeroAnswersTest {

    private final XeroAnswers answers = new XeroAnswers(new ObjectMapper());

    @Test
    void eachElementOfABatchGetsItsOwnResult() {
        List<ElementResult> results = answers.elements("Contacts", 200, """
                {"Contacts":[{"ContactID":"a1","ContactNumber":"C-1","StatusAttributeString":"OK"},
                             {"StatusAttributeString":"ERROR","ValidationErrors":[{"Message":"Name is already assigned"}]}]}""", 2);

        assertThat(results).extracting(ElementResult::status).containsExactly("OK", "ERROR");
        assertThat(results.get(0).xeroId()).isEqualTo("a1");
        assertThat(results.get(1).messages()).containsExactly("Name is already assigned");
    }

    @Test
    void batchRefusedWithItsElementsFailsEachWithItsOwnErrors() {
        List<ElementResult> results = answers.elements("Invoices", 400, """
                {"ErrorNumber":10,"Type":"ValidationException","Message":"A validation exception occurred",
                 "Elements":[{"InvoiceNumber":"F-1","ValidationErrors":[{"Message":"Account code '999' is not a valid code"}]},
                             {"InvoiceNumber":"F-2","ValidationErrors":[]}]}""", 2);

        assertThat(results).allSatisfy(result -> assertThat(result.isOk()).isFalse());
        assertThat(results.get(0).messages()).containsExactly("Account code '999' is not a valid code");
        assertThat(results.get(1).messages()).containsExactly("Xero refused the batch (HTTP 400): A validation exception occurred");
    }

    @Test
    void batchRefusedWithoutElementsFailsEveryRecordWithXerosMessage() {
        List<ElementResult> results = answers.elements("Items", 413, "{\"Title\":\"Too large\",\"Detail\":\"Payload too large\"}", 3);

        assertThat(results).hasSize(3).allSatisfy(result -> {
            assertThat(result.isOk()).isFalse();
            assertThat(result.messages()).containsExactly("Xero refused the batch (HTTP 413): Payload too large");
        });
    }

    @Test
    void refusedConnectionEndsTheRunInsteadOfFailingRecords() {
        assertThatThrownBy(() -> answers.elements("Contacts", 401, "{\"Title\":\"Unauthorized\"}", 1))
                .isInstanceOf(XeroAnswerException.class).hasMessageStartingWith("Xero answered HTTP 401 to a Contacts batch");
    }
}
