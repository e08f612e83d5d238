package io.fieldsync.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsync.xero.Outgoing;
import io.fieldsync.xero.XeroAnswerException;
import io.fieldsync.xero.XeroCollection;
import io.fieldsync.xero.XeroReads;
import org.junit.jupiter.api.Test;

/** The look-up before a create: what Xero's answer may carry besides the numbers, and what it must carry. */
class XeroLookupsTest {

    private static final String FOUND_ID = "5a3c1f6e-5d0c-4a47-9b53-0d6c2d2a9b11";

    private final ObjectMapper json = new ObjectMapper();
    private final XeroReads xero = mock(XeroReads.class);
    private final RecordOutcomes outcomes = mock(RecordOutcomes.class);
    private final XeroLookups lookups = new XeroLookups(xero, outcomes);

    private final List<Outgoing> lost = List.of(contact(7, "C00007"), contact(8, "C00008"));

    @Test
    void preEpochDatesAndUnknownFieldsDoNotHideWhatXeroHas() throws Exception {
        when(xero.get(anyString())).thenReturn(json.readTree("""
                {"Contacts": [
                  {"ContactID": "%s", "ContactNumber": "C00007", "Name": "Harbour Pools",
                   "UpdatedDateUTC": "/Date(-2208988800000+0000)/", "SandboxFutureField": {"Note": "new"}},
                  {"ContactNumber": "C00008", "Name": "No id"}]}""".formatted(FOUND_ID)));

        List<Outgoing> result = lookups.linkWhatXeroAlreadyHas("contact", XeroCollection.CONTACTS, lost);

        assertThat(result).extracting(r -> r.element().get("ContactID")).containsExactly(FOUND_ID, null);
        verify(outcomes).linkFound("contact", 7, FOUND_ID, "C00007");
    }

    @Test
    void unreadableAnswerStopsTheRunSayingWhatWasLookedUp() {
        when(xero.get(anyString())).thenThrow(new XeroAnswerException("Xero's answer (HTTP 200) to GET"
                + " https://api.xero.com/api.xro/2.0/Contacts?where=... breaks off after 512 characters"));

        assertThatThrownBy(() -> lookups.linkWhatXeroAlreadyHas("contact", XeroCollection.CONTACTS, lost))
                .isInstanceOf(XeroAnswerException.class)
                .hasMessage("Looking up 2 Contacts in Xero by ContactNumber (sent before, their answer lost) failed;"
                        + " they were not sent again and are looked up in the next run: Xero's answer (HTTP 200) to GET"
                        + " https://api.xero.com/api.xro/2.0/Contacts?where=... breaks off after 512 characters");
        verifyNoInteractions(outcomes);
    }

    @Test
    void answerWithoutTheCollectionIsNotTakenForNothingFound() throws Exception {
        when(xero.get(anyString())).thenReturn(json.readTree("{\"Status\": \"OK\"}"));

        assertThatThrownBy(() -> lookups.linkWhatXeroAlreadyHas("contact", XeroCollection.CONTACTS, lost))
                .isInstanceOf(XeroAnswerException.class)
                .hasMessageEndingWith("are looked up in the next run: Xero's answer has no Contacts list");
    }

    @Test
    void aLostBillIsNotTakenForTheSalesInvoiceWithItsReference() throws Exception {
        when(xero.get(anyString())).thenReturn(json.readTree("""
                {"Invoices": [
                  {"InvoiceID": "0c9f7d2e-1b3a-4c5d-8e6f-7a8b9c0d1e2f", "Type": "ACCREC", "Reference": "PO0007"},
                  {"InvoiceID": "%s", "Type": "ACCPAY", "Reference": "PO0007"}]}""".formatted(FOUND_ID)));
        List<Outgoing> bills = List.of(new Outgoing(7, Map.of("Type", "ACCPAY", "Reference", "PO0007"), "hash7", "PO0007", List.of()));

        List<Outgoing> result = lookups.linkWhatXeroAlreadyHas("bill", XeroCollection.INVOICES, bills);

        assertThat(result).extracting(r -> r.element().get("InvoiceID")).containsExactly(FOUND_ID);
        verify(outcomes).linkFound("bill", 7, FOUND_ID, "PO0007");
    }

    @Test
    void purchaseOrdersAreReadOneByOneByNumberAndANotFoundIsNoError() throws Exception {
        when(xero.get("PurchaseOrders/PO0007")).thenReturn(json.readTree("""
                {"PurchaseOrders": [{"PurchaseOrderID": "%s", "PurchaseOrderNumber": "PO0007"}]}""".formatted(FOUND_ID)));
        when(xero.get("PurchaseOrders/PO0008")).thenThrow(new io.fieldsync.xero.XeroNotFoundException(
                "Xero answered HTTP 404 to GET .../PurchaseOrders/PO0008"));
        List<Outgoing> orders = List.of(
                new Outgoing(7, Map.of("PurchaseOrderNumber", "PO0007"), "hash7", "PO0007", List.of()),
                new Outgoing(8, Map.of("PurchaseOrderNumber", "PO0008"), "hash8", "PO0008", List.of()));

        List<Outgoing> result = lookups.linkWhatXeroAlreadyHas("purchase-order", XeroCollection.PURCHASE_ORDERS, orders);

        assertThat(result).extracting(r -> r.element().get("PurchaseOrderID")).containsExactly(FOUND_ID, null);
        verify(outcomes).linkFound("purchase-order", 7, FOUND_ID, "PO0007");
    }

    private static Outgoing contact(long localId, String number) {
        return new Outgoing(localId, Map.of("ContactNumber", number, "Name", "Customer " + number), "hash" + localId,
                number, List.of());
    }
}
