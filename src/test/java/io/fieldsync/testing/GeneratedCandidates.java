package io.fieldsync.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.fieldsync.matching.MatchCandidate;

/**
 * Seeded matching candidates as a business that kept books in Xero for years has them: customers
 * (businesses and people, accents, CJK, Hangul and emoji, names several customers share) and Xero
 * contacts, most of them some customer typed differently (case, punctuation, legal form, "&" for
 * "and", a typo, accents dropped), some by number, email or tax number, the rest nobody's.
 * The same seed and sizes give the same records.
 */
public final class GeneratedCandidates {

    public record Sides(List<MatchCandidate> fsm, List<MatchCandidate> xero) {
    }

    private static final String[] FIRST = {"Lachlan", "Olivia", "Jack", "Charlotte", "Noah", "Amelia", "William", "Isla",
            "Thomas", "Mia", "James", "Ava", "Oliver", "Grace", "Henry", "Chloe", "Zoë", "José", "Siobhán", "Björn", "Renée",
            "Nguyễn Văn", "Ngọc", "Mohammed", "Aroha", "Priya", "Wei", "Hiroshi", "Min-jun", "Seo-yeon", "François", "Chiara",
            "Mateo", "Anjali", "Tane", "Ella", "Lucas", "Harper", "Ethan", "Sophie"};
    private static final String[] LAST = {"Ryan", "Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Nguyen",
            "Johnson", "Martin", "White", "Anderson", "Thompson", "Walker", "Harris", "Lee", "Ryan-Smith", "O'Brien",
            "McDonald", "Müller", "García", "Núñez", "Đặng", "Kowalski", "Papadopoulos", "Singh", "Patel", "Tanaka", "Kim",
            "Park", "Ngata", "Fitzgerald", "D'Angelo", "van der Berg", "Østergaard", "Łukasz", "Şahin", "Clarke", "Hughes", "Baker"};
    private static final String[] PLACE = {"Outback", "Bayside", "Northside", "Harbour View", "Coastal", "Redgum", "Blue Mountains",
            "Southern Cross", "Riverina", "Sunshine", "Eastern Suburbs", "Highland", "Golden Wattle", "Sandstone", "Ironbark",
            "Parkview", "Seaview", "Hilltop", "Lakeside", "Brisbane", "Geelong", "Hobart", "Cairns", "Darwin", "Tasman",
            "Murray", "Kookaburra", "Banksia", "Jacaranda", "Westfield", "Eastwood", "Greenvale", "Stonefield", "Ashgrove",
            "Kingsway", "Queens Park", "Silverwater", "Moonee", "Wollongong", "Pacific"};
    private static final String[] TRADE = {"Plumbing", "Electrical", "Pool", "Strata", "Air Conditioning", "Roofing", "Pest Control",
            "Landscaping", "Glass", "Solar", "Security", "Cleaning", "Carpentry", "Painting", "Tiling", "Fencing", "Gas",
            "Drainage", "Locksmiths", "Garage Doors", "Irrigation", "Concrete", "Building", "Property", "Body Corporate"};
    private static final String[] KIND = {"Services", "Solutions", "Group", "Maintenance", "Management", "Co", "& Sons",
            "Specialists", "Contractors", "Supplies", "Repairs", "and Daughters", "Partners", "Holdings", ""};
    private static final String[] FORM = {"", "", "", "Pty Ltd", "Pty. Ltd.", "PTY LTD", "Ltd", "Limited", "Inc", "Proprietary Limited"};
    private static final String[] OTHER = {"王伟", "李娜", "김민준", "이서연", "山田太郎", "Café ☕ Corner", "🔧 Fix-It Fast", "Ωmega Électrique",
            "Ærø Handel", "Straße & Söhne"};

    private GeneratedCandidates() {
    }

    /** {@code customers} field-service customers and {@code contacts} Xero contacts. */
    public static Sides contacts(long seed, int customers, int contacts) {
        Random random = new Random(seed);
        List<MatchCandidate> fsm = new ArrayList<>(customers);
        for (int i = 1; i <= customers; i++) {
            String name = random.nextInt(100) < 8 && !fsm.isEmpty()
                    ? fsm.get(random.nextInt(fsm.size())).name() // a name another customer has
                    : name(random);
            fsm.add(new MatchCandidate(String.valueOf(i), random.nextInt(100) < 70 ? String.format("C%05d", i) : null, null, name,
                    random.nextInt(100) < 40 ? email(name, i) : null, random.nextInt(100) < 20 ? taxNumber(random) : null,
                    false, null));
        }
        List<MatchCandidate> xero = new ArrayList<>(contacts);
        for (int i = 1; i <= contacts; i++) {
            String id = String.format("%08x-0000-4000-8000-%012d", seed & 0xffffffffL, i);
            int what = random.nextInt(100);
            if (what < 60 && !fsm.isEmpty()) {
                MatchCandidate customer = fsm.get(random.nextInt(fsm.size()));
                int identifies = random.nextInt(100);
                xero.add(new MatchCandidate(id,
                        identifies < 10 && customer.number() != null ? customer.number().toLowerCase(Locale.ROOT) : null,
                        identifies >= 10 && identifies < 15 && customer.number() != null ? customer.number() : null,
                        random.nextInt(100) < 80 ? variant(customer.name(), random) : name(random),
                        identifies >= 15 && identifies < 25 && customer.email() != null ? customer.email().toUpperCase(Locale.ROOT) : null,
                        identifies >= 25 && identifies < 30 && customer.taxNumber() != null ? spaced(customer.taxNumber()) : null,
                        random.nextInt(100) < 5, null));
            } else {
                String name = name(random);
                xero.add(new MatchCandidate(id, null, random.nextInt(100) < 20 ? "X" + i : null, name,
                        random.nextInt(100) < 30 ? email(name, 100_000 + i) : null, null, random.nextInt(100) < 10, null));
            }
        }
        return new Sides(fsm, xero);
    }

    /** Materials and Xero items: codes (some shared, case aside) and names with their variants. */
    public static Sides items(long seed, int materials, int items) {
        Random random = new Random(seed);
        List<MatchCandidate> fsm = new ArrayList<>(materials);
        for (int i = 1; i <= materials; i++) {
            String name = material(random);
            fsm.add(new MatchCandidate(String.valueOf(i), random.nextInt(100) < 70 ? "M-" + (1000 + random.nextInt(materials * 2)) : null,
                    null, name, null, null, false, null));
        }
        List<MatchCandidate> xero = new ArrayList<>(items);
        for (int i = 1; i <= items; i++) {
            MatchCandidate material = fsm.get(random.nextInt(fsm.size()));
            boolean derived = random.nextInt(100) < 60;
            xero.add(new MatchCandidate("item-" + i,
                    derived && random.nextInt(100) < 30 && material.number() != null ? material.number().toLowerCase(Locale.ROOT)
                            : "X-" + i,
                    null, derived ? variant(material.name(), random) : material(random), null, null, false, null));
        }
        return new Sides(fsm, xero);
    }

    private static String name(Random random) {
        int kind = random.nextInt(100);
        if (kind < 45) {
            return pick(random, FIRST) + " " + pick(random, LAST);
        }
        if (kind < 50) {
            return pick(random, OTHER);
        }
        String business = (random.nextBoolean() ? pick(random, PLACE) : pick(random, LAST)) + " " + pick(random, TRADE);
        String kindWord = pick(random, KIND);
        String form = pick(random, FORM);
        return (random.nextInt(100) < 5 ? "The " : "") + business + (kindWord.isEmpty() ? "" : " " + kindWord)
                + (form.isEmpty() ? "" : " " + form);
    }

    private static String material(Random random) {
        String[] things = {"Pool pump", "Filter cartridge", "Chlorine", "Copper pipe", "PVC elbow", "Circuit breaker", "LED downlight",
                "Smoke alarm", "Hot water unit", "Tap washer", "Gas regulator", "Roof sheet", "Gutter guard", "Labour", "Call-out fee"};
        String[] sizes = {"", "15mm", "20mm", "1.5hp", "2hp", "10A", "16A", "5L", "20L", "1m", "3m", "(each)", "per hour", "Mk II"};
        String[] brands = {"", "Davey", "Zodiac", "Clipsal", "Rheem", "Dux", "Reece", "Bunnings", "Hayward", "Astral"};
        return String.join(" ", List.of(pick(random, brands), pick(random, things), pick(random, sizes))).strip().replaceAll(" +", " ");
    }

    /** The same name as someone else typed it. */
    static String variant(String name, Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> name.toUpperCase(Locale.ROOT);
            case 1 -> name.toLowerCase(Locale.ROOT) + " ";
            case 2 -> name.replace(" ", "  ").replace("&", "and");
            case 3 -> name + (name.contains("Pty") ? "" : " Pty. Ltd.");
            case 4 -> name.replace(" Pty Ltd", "").replace(" Limited", "").replace(" Inc", ", Inc.");
            case 5 -> typo(name, random);
            case 6 -> typo(typo(name, random), random);
            case 7 -> java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            case 8 -> name.replace("and", "&").replace("-", " ").replace("'", "");
            default -> name;
        };
    }

    private static String typo(String name, Random random) {
        if (name.length() < 3) {
            return name + "x";
        }
        int at = 1 + random.nextInt(name.length() - 2);
        return switch (random.nextInt(4)) {
            case 0 -> name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2); // swapped
            case 1 -> name.substring(0, at) + name.substring(at + 1); // dropped
            case 2 -> name.substring(0, at) + name.charAt(at) + name.substring(at); // doubled
            default -> name.substring(0, at) + (char) ('a' + random.nextInt(26)) + name.substring(at + 1); // mistyped
        };
    }

    private static String email(String name, int n) {
        String local = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
        return (local.isEmpty() ? "customer" : local) + n % 7 + "@example.com.au";
    }

    private static String taxNumber(Random random) {
        return String.format("%011d", Math.floorMod(random.nextLong(), 100_000_000_000L));
    }

    private static String spaced(String tax) {
        return tax.length() == 11 ? tax.substring(0, 2) + " " + tax.substring(2, 5) + " " + tax.substring(5, 8) + " " + tax.substring(8) : tax;
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }
}
