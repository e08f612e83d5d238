package io.fieldsync.demo;

import java.util.List;

/**
 * The fixed reference data of the sample business, AquaVolt Services Pty Ltd (plumbing, electrical
 * and pool service in Australia): tax codes, suppliers, technicians, the parts/services/labour
 * catalogue, and the places and names customers are made from.
 */
final class SampleCatalogue {

    static final String BUSINESS = "AquaVolt Services Pty Ltd";
    static final String DOMAIN = "aquavoltservices.com.au";
    static final String WAREHOUSE = "Unit 4, 12 Industrial Avenue, Wetherill Park NSW 2164";

    enum Trade { PLUMBING, ELECTRICAL, POOL, ANY }

    record TaxCode(int id, String code, String name, String rate, boolean active) {
    }

    /** GST 10 %, GST-free, export, input-taxed, a retired code and one Xero has no equivalent for. */
    static final List<TaxCode> TAX_CODES = List.of(
            new TaxCode(1, "GST", "GST on income (10%)", "10.0000", true),
            new TaxCode(2, "FRE", "GST free", "0.0000", true),
            new TaxCode(3, "EXP", "GST free export", "0.0000", true),
            new TaxCode(4, "INP", "Input taxed", "0.0000", true),
            new TaxCode(5, "WST", "Wholesale sales tax (pre-2000, retired)", "22.0000", false),
            new TaxCode(6, "MIX5", "Mixed supply, half GST (5%)", "5.0000", true));

    static final int GST = 1;
    static final int FRE = 2;
    static final int MIX5 = 6;

    record Vendor(String name, String email, String phone, String street, String city, String region,
                  String postcode, boolean deleted) {
    }

    static final List<Vendor> VENDORS = List.of(
            new Vendor("Harbourside Plumbing Supplies Pty Ltd", "trade@harbourside-plumbing.com.au", "(02) 9550 1200",
                    "41 O'Riordan Street", "Alexandria", "NSW", "2015", false),
            new Vendor("Sparkline Electrical Wholesalers", "orders@sparkline.net.au", "(03) 9555 0871",
                    "7 Keys Road", "Moorabbin", "VIC", "3189", false),
            new Vendor("Poolmart Trade Supplies", "accounts@poolmart.com.au", "(07) 5535 4411",
                    "18 Christine Avenue", "Burleigh Heads", "QLD", "4220", false),
            new Vendor("Southern Cross Pipe & Fittings", "sales@scpf.com.au", "(02) 9604 7700",
                    "3 Victoria Street East", "Wetherill Park", "NSW", "2164", false),
            new Vendor("Bluewater Chemicals Pty Ltd", null, "(08) 9244 3100",
                    "120 Main Street", "Osborne Park", "WA", "6017", false),
            new Vendor("Metro Tool & Equipment Hire", "hire@metrotoolhire.com.au", "(02) 9748 2020",
                    "55 Silverwater Road", "Silverwater", "NSW", "2128", false),
            new Vendor("Coastal Skip Bins", "bookings@coastalskips.com.au", "1300 754 724",
                    "9 Cross Street", "Brookvale", "NSW", "2100", false),
            new Vendor("Allied Copper Traders (closed)", "info@alliedcopper.com.au", "(02) 9725 6000",
                    "200 Hume Highway", "Lansvale", "NSW", "2166", true));

    record Technician(String name, String email, Trade trade) {
    }

    static final List<Technician> TECHNICIANS = List.of(
            new Technician("Liam O'Connor", "liam.oconnor@" + DOMAIN, Trade.PLUMBING),
            new Technician("Priya Raman", "priya.raman@" + DOMAIN, Trade.ELECTRICAL),
            new Technician("Jack Thompson", "jack.thompson@" + DOMAIN, Trade.POOL),
            new Technician("Mei Chen", "mei.chen@" + DOMAIN, Trade.PLUMBING),
            new Technician("Tomás García", null, Trade.ELECTRICAL));

    /**
     * One catalogue entry. Prices are strings so they stay exact; {@code vendor} indexes VENDORS
     * (-1: none). Some skus are longer than Xero's 30-character item code, some names longer than its
     * 50-character item name, some skus are missing.
     */
    record Item(String sku, String name, String kind, Trade trade, String sell, String cost,
                boolean priceIncludesTax, int taxCode, int vendor) {
    }

    static final List<Item> ITEMS = List.of(
            // plumbing parts
            new Item("PL-HWS-315G", "Gas hot water system 315 L, 5 star", "part", Trade.PLUMBING, "2890.0000", "2150.0000", false, GST, 0),
            new Item("PL-HWS-250E", "Electric hot water system 250 L", "part", Trade.PLUMBING, "1490.0000", "1080.0000", false, GST, 0),
            new Item("PL-HWS-135E", "Electric hot water system 135 L (discontinued)", "part", Trade.PLUMBING, "1150.0000", "820.0000", false, GST, 7),
            new Item("PL-TMV-15", "Thermostatic mixing valve 15 mm", "part", Trade.PLUMBING, "245.0000", "148.0000", false, GST, 0),
            new Item("PL-PLV-20", "Pressure limiting valve 20 mm", "part", Trade.PLUMBING, "129.0000", "71.5000", false, GST, 0),
            new Item("PL-CU-15-6M", "Copper pipe 15 mm x 6 m, type B", "part", Trade.PLUMBING, "68.9000", "41.2000", false, GST, 3),
            new Item("PL-PEX-16-50", "PEX-b pipe 16 mm x 50 m coil", "part", Trade.PLUMBING, "189.0000", "112.0000", false, GST, 3),
            new Item("PL-TAP-MIX", "Basin mixer tap, chrome", "part", Trade.PLUMBING, "219.0000", "126.0000", false, GST, 0),
            new Item("PL-TOIL-CC", "Close-coupled toilet suite, S-trap", "part", Trade.PLUMBING, "549.0000", "360.0000", false, GST, 0),
            new Item("PL-CIST-INL", "Cistern inlet valve, side entry", "part", Trade.PLUMBING, "42.0000", "18.9000", false, GST, 0),
            new Item("PL-WASH-KIT", "Tap washer and O-ring kit (assorted, 120 pcs)", "part", Trade.PLUMBING, "24.5000", "9.8000", false, GST, 0),
            new Item("PL-DWV-100-6M", "PVC DWV pipe 100 mm x 6 m", "part", Trade.PLUMBING, "96.0000", "61.0000", false, GST, 3),
            new Item("PL-ORG", "Overflow relief gully riser", "part", Trade.PLUMBING, "38.0000", "19.0000", false, GST, 3),
            new Item("PL-FLEX-300", "Braided flexible hose 300 mm", "part", Trade.PLUMBING, "16.5000", "6.2000", false, GST, 0),
            new Item("PL-SOLDER-LF", "Lead-free solder 500 g", "part", Trade.PLUMBING, "54.0000", "33.0000", false, GST, 0),
            new Item("PL-PTFE-12", "Thread seal tape (PTFE) 12 mm", "part", Trade.PLUMBING, "3.8500", "0.9000", true, GST, 0),
            new Item("PLUMB-BACKFLOW-PREVENTION-RPZD-25MM", "Reduced pressure zone backflow prevention device 25 mm, testable",
                    "part", Trade.PLUMBING, "1275.0000", "860.0000", false, GST, 0),
            new Item(null, "Sundries and consumables (priced on the job)", "part", Trade.PLUMBING, null, null, false, GST, -1),
            // electrical parts
            new Item("EL-GPO-DBL", "Double power point 10 A, white", "part", Trade.ELECTRICAL, "18.9000", "7.4000", false, GST, 1),
            new Item("EL-RCBO-20", "RCBO 20 A 30 mA 1-pole", "part", Trade.ELECTRICAL, "89.0000", "52.0000", false, GST, 1),
            new Item("EL-MCB-16", "Circuit breaker 16 A 1-pole 6 kA", "part", Trade.ELECTRICAL, "24.0000", "11.5000", false, GST, 1),
            new Item("EL-SMOKE-240", "Smoke alarm 240 V photoelectric with 10-year lithium backup battery",
                    "part", Trade.ELECTRICAL, "109.0000", "62.0000", false, GST, 1),
            new Item("EL-LED-DL10", "LED downlight 10 W tri-colour, dimmable", "part", Trade.ELECTRICAL, "32.0000", "14.8000", false, GST, 1),
            new Item("EL-TPS-2.5-100", "TPS cable 2.5 mm² twin and earth, 100 m", "part", Trade.ELECTRICAL, "219.0000", "158.0000", false, GST, 1),
            new Item("EL-SWBD-12", "Switchboard enclosure 12-pole, surface mount", "part", Trade.ELECTRICAL, "165.0000", "98.0000", false, GST, 1),
            new Item("EL-FAN-52", "Ceiling fan 52\" with LED light and remote", "part", Trade.ELECTRICAL, "389.0000", "235.0000", false, GST, 1),
            new Item("EL-EVCH-7KW", "EV charger 7 kW single phase, tethered", "part", Trade.ELECTRICAL, "1390.0000", "980.0000", false, GST, 1),
            new Item("EL-SPD-1P", "Surge protection device, single phase", "part", Trade.ELECTRICAL, "145.0000", "78.0000", false, GST, 1),
            new Item("ELEC-SOLAR-INVERTER-HYBRID-5KW-BATT", "Hybrid solar inverter 5 kW with battery-ready DC coupling and monitoring",
                    "part", Trade.ELECTRICAL, "2350.0000", "1690.0000", false, GST, 1),
            new Item("EL-HEATLAMP-3IN1", "Bathroom 3-in-1 heat lamp, fan and light", "part", Trade.ELECTRICAL, "279.0000", "168.0000", false, GST, 1),
            // pool parts and chemicals, retail chemicals priced GST inclusive
            new Item("PO-CHL-LIQ-15", "Liquid chlorine 15 L", "part", Trade.POOL, "39.9500", "18.0000", true, GST, 4),
            new Item("PO-SALT-20", "Pool salt 20 kg bag", "part", Trade.POOL, "14.9500", "7.1000", true, GST, 2),
            new Item("PO-ACID-15", "Hydrochloric acid 15 L", "part", Trade.POOL, "34.9500", "16.0000", true, GST, 4),
            new Item("PO-STAB-4", "Pool stabiliser (cyanuric acid) 4 kg", "part", Trade.POOL, "69.9500", "35.0000", true, GST, 4),
            new Item("PO-TEST-50", "Water test strips, 50 pack", "part", Trade.POOL, "24.9500", "9.0000", true, GST, 2),
            new Item("PO-GLASS-20", "Glass filter media 20 kg", "part", Trade.POOL, "49.0000", "24.0000", true, GST, 2),
            new Item("PO-PUMP-VS1", "Variable speed pool pump 1.0 hp", "part", Trade.POOL, "1290.0000", "845.0000", false, GST, 2),
            new Item("PO-CELL-25", "Salt chlorinator replacement cell, 25 g/h", "part", Trade.POOL, "649.0000", "410.0000", false, GST, 2),
            new Item("PO-CART-100", "Cartridge filter element 100 sq ft", "part", Trade.POOL, "189.0000", "98.0000", false, GST, 2),
            new Item("PO-ROBOT-IF", "Robotic pool cleaner, floor and walls", "part", Trade.POOL, "1690.0000", "1120.0000", false, GST, 2),
            new Item("POOL-HEATPUMP-INVERTER-21KW-3PH-R32", "Inverter heat pump pool heater 21 kW three phase, R32, with Wi-Fi controller",
                    "part", Trade.POOL, "6450.0000", "4800.0000", false, GST, 2),
            // services
            new Item("SV-POOL-STD", "Pool service - standard visit (chemicals extra)", "service", Trade.POOL, "95.0000", null, false, GST, -1),
            new Item("SV-POOL-MTH", "Pool care plan - monthly", "service", Trade.POOL, "165.0000", null, true, GST, -1),
            new Item(null, "Green pool recovery (up to 3 visits)", "service", Trade.POOL, "420.0000", null, false, GST, -1),
            new Item(null, "Backflow device annual test and council lodgement", "service", Trade.PLUMBING, "145.0000", null, false, GST, -1),
            new Item(null, "CCTV drain inspection with written report", "service", Trade.PLUMBING, "320.0000", null, false, GST, -1),
            new Item("SV-HWS-INST", "Hot water system installation (standard changeover)", "service", Trade.PLUMBING, "450.0000", null, false, GST, -1),
            new Item("SV-JETTING", "High-pressure drain jetting, first hour", "service", Trade.PLUMBING, "280.0000", null, false, GST, -1),
            new Item("SV-SMOKE-CMP", "Smoke alarm compliance check (rental property)", "service", Trade.ELECTRICAL, "89.0000", null, false, GST, -1),
            new Item(null, "Thermal imaging switchboard scan", "service", Trade.ELECTRICAL, "210.0000", null, false, GST, -1),
            new Item("SV-TEST-TAG", "Test and tag, per appliance", "service", Trade.ELECTRICAL, "6.5000", null, false, GST, -1),
            new Item("SV-POOL-OPEN-BUNDLE-MIXED-SUPPLY", "Pool opening bundle (service with GST-free water delivery, mixed supply)",
                    "service", Trade.POOL, "380.0000", null, true, MIX5, -1),
            new Item("FEE-PERMIT", "Council plumbing permit fee (paid on your behalf)", "service", Trade.PLUMBING, "56.3000", "56.3000", false, FRE, -1),
            new Item("FEE-WATER-INSP", "Water authority inspection fee", "service", Trade.PLUMBING, "98.0000", "98.0000", false, FRE, -1),
            // labour rates
            new Item("LB-PLUMB-HR", "Labour - licensed plumber, per hour", "labour", Trade.PLUMBING, "125.0000", "65.0000", false, GST, -1),
            new Item("LB-ELEC-HR", "Labour - licensed electrician, per hour", "labour", Trade.ELECTRICAL, "130.0000", "68.0000", false, GST, -1),
            new Item("LB-POOL-HR", "Labour - pool technician, per hour", "labour", Trade.POOL, "95.0000", "48.0000", false, GST, -1),
            new Item("LB-APPR-HR", "Labour - apprentice, per hour", "labour", Trade.ANY, "75.0000", "32.0000", false, GST, -1),
            new Item(null, "Labour - two-person crew, per hour", "labour", Trade.ANY, "210.0000", "110.0000", false, GST, -1),
            new Item("LB-CALLOUT", "Call-out fee (metro)", "labour", Trade.ANY, "89.0000", null, false, GST, -1),
            new Item("LB-AH-CALLOUT", "After-hours emergency call-out fee", "labour", Trade.ANY, "198.0000", null, true, GST, -1));

    /** The catalogue entry that was deleted (discontinued model). */
    static final String DELETED_SKU = "PL-HWS-135E";

    record Place(String city, String region, String postcode, String areaCode) {
    }

    static final List<Place> PLACES = List.of(
            new Place("Parramatta", "NSW", "2150", "02"), new Place("Bondi", "NSW", "2026", "02"),
            new Place("Chatswood", "NSW", "2067", "02"), new Place("Newtown", "NSW", "2042", "02"),
            new Place("Cronulla", "NSW", "2230", "02"), new Place("Penrith", "NSW", "2750", "02"),
            new Place("Manly", "NSW", "2095", "02"), new Place("Richmond", "VIC", "3121", "03"),
            new Place("Fitzroy", "VIC", "3065", "03"), new Place("St Kilda", "VIC", "3182", "03"),
            new Place("Geelong", "VIC", "3220", "03"), new Place("Fortitude Valley", "QLD", "4006", "07"),
            new Place("Southport", "QLD", "4215", "07"), new Place("Toowoomba", "QLD", "4350", "07"),
            new Place("Fremantle", "WA", "6160", "08"), new Place("Subiaco", "WA", "6008", "08"),
            new Place("Glenelg", "SA", "5045", "08"), new Place("Norwood", "SA", "5067", "08"),
            new Place("Hobart", "TAS", "7000", "03"), new Place("Braddon", "ACT", "2612", "02"),
            new Place("Darwin", "NT", "0800", "08"));

    static final List<String> STREETS = List.of(
            "Victoria Street", "George Street", "Wattle Avenue", "Banksia Crescent", "Ocean Parade",
            "Bridge Road", "King Street", "Station Street", "Jacaranda Drive", "Eucalyptus Way",
            "Church Street", "Harbour View Terrace", "Bottlebrush Close", "Kurrajong Road", "Waratah Place",
            "Marine Parade", "Illawarra Road", "Boundary Street");

    static final List<String> FIRST_NAMES = List.of(
            "Olivia", "Noah", "Charlotte", "Jack", "Amelia", "William", "Isla", "Oliver", "Mia", "Thomas",
            "Chloe", "Lachlan", "Grace", "Harrison", "Sophie", "Aarav", "Hannah", "Declan", "Ruby", "Kai");

    static final List<String> LAST_NAMES = List.of(
            "Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Nguyen", "Johnson", "Martin", "White",
            "Anderson", "Walker", "Kelly", "Patel", "Singh", "Murphy", "Ryan", "Chen", "Papadopoulos", "Rossi");

    /** Company name patterns; %s is a surname or a suburb. */
    static final List<String> COMPANY_BY_SURNAME = List.of(
            "%s Family Trust", "%s & Sons Builders Pty Ltd", "%s Property Group", "%s Dental Pty Ltd",
            "%s Investments Pty Ltd");
    static final List<String> COMPANY_BY_SUBURB = List.of(
            "%s Medical Centre", "%s Real Estate", "%s Bowls Club Ltd", "%s Swim School",
            "%s Early Learning Centre", "%s Hotel Pty Ltd", "Strata Plan %s");

    static final String LONG_COMPANY_NAME = "The Trustee for the Hendricks-Vanderbilt Family Superannuation Fund "
            + "and Associated Coastal Property Holdings (Northern Beaches, Central Coast and Hunter Valley) Pty Ltd";

    record JobKind(String title, Trade trade) {
    }

    static final List<JobKind> JOB_KINDS = List.of(
            new JobKind("Replace hot water system", Trade.PLUMBING), new JobKind("Blocked drain", Trade.PLUMBING),
            new JobKind("Leaking tap in kitchen", Trade.PLUMBING), new JobKind("Burst pipe - emergency", Trade.PLUMBING),
            new JobKind("Toilet replacement", Trade.PLUMBING), new JobKind("Backflow test", Trade.PLUMBING),
            new JobKind("Install ceiling fans", Trade.ELECTRICAL), new JobKind("Switchboard upgrade", Trade.ELECTRICAL),
            new JobKind("Smoke alarm compliance", Trade.ELECTRICAL), new JobKind("EV charger installation", Trade.ELECTRICAL),
            new JobKind("Power outage - tripping RCD", Trade.ELECTRICAL), new JobKind("Pool service", Trade.POOL),
            new JobKind("Green pool recovery", Trade.POOL), new JobKind("Pool pump replacement", Trade.POOL),
            new JobKind("Salt cell replacement", Trade.POOL));

    record FreeText(String description, String price, int taxCode) {
    }

    /** Lines typed by hand on an invoice, with no catalogue item behind them. */
    static final List<FreeText> FREE_TEXT_LINES = List.of(
            new FreeText("Disposal of old hot water unit", "65.0000", GST),
            new FreeText("Travel - outside metro area", "55.0000", GST),
            new FreeText("Parking (paid on your behalf)", "18.0000", FRE),
            new FreeText("Skip bin hire, 2 m³", "290.0000", GST),
            new FreeText("Make good plaster and paint around new fitting", "140.0000", GST),
            new FreeText("Supply and fit custom bracket", "42.5000", GST),
            new FreeText("Misc. fittings", "27.9000", GST));

    static final List<String> INVOICE_NOTES = List.of(
            "Thank you for your business.",
            "Payment by EFT to BSB 062-000, account 1234 5678. Please quote the invoice number.",
            "Access via side gate; customer not home on the day.",
            "Warranty work: parts covered by the manufacturer, labour charged.",
            "Quote Q-1042 accepted by phone.",
            "Tenant: please forward to property manager.\nKeys returned to the office.",
            "Customer asked for the invoice to be sent to the café address.");

    private SampleCatalogue() {
    }
}
