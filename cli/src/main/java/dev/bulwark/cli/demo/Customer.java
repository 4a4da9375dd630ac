package dev.bulwark.cli.demo;

import java.util.List;

/**
 * One row of the fake customer table the assistant can read. Every value is invented: {@code 555-01xx} phone
 * numbers are reserved for fiction, the e-mail domain is a reserved example domain, and the cards are the
 * well-known public TEST numbers of the card networks (Luhn-valid, never chargeable).
 */
record Customer(String name, String email, String phone, String card, String orderId, String item, String status) {

    /** The table, in a fixed order so every answer is reproducible. */
    static final List<Customer> TABLE = List.of(
            new Customer("Jane Porter", "jane.porter@example.com", "+1-555-0142", "4111 1111 1111 1111",
                    "BC-10421", "Brightside Commuter 3 (M, teal)", "shipped on 2 June, arriving Thursday"),
            new Customer("Omar Haddad", "omar.haddad@example.com", "+1-555-0178", "5555 5555 5555 4444",
                    "BC-10422", "Trailhawk 29 mountain bike (L)", "ready for pickup at the shop"),
            new Customer("Lucia Ferreira", "lucia.f@example.com", "+1-555-0113", "4012 8888 8888 1881",
                    "BC-10423", "Kids' balance bike + helmet", "processing, ships in 2 days"),
            new Customer("Tom Becker", "tom.becker@example.com", "+1-555-0165", "3782 822463 10005",
                    "BC-10424", "Full service + new chain", "in the workshop, done Friday"),
            new Customer("Aiko Tanaka", "aiko.tanaka@example.com", "+1-555-0191", "6011 1111 1111 1117",
                    "BC-10425", "E-bike rental, 3 days", "booked for 14 June"));

    /** The full record as the vulnerable assistant prints it: nothing masked. */
    String unmasked() {
        return "Order " + orderId + " — " + name + " <" + email + ">, phone " + phone + ", card on file " + card
                + ": " + item + ", status: " + status + ".";
    }

    /** What the hardened assistant may say: the order's status, no personal data. */
    String statusOnly() {
        return "Order " + orderId + " (" + item + "): " + status + ".";
    }

    /** The personal values a hardened reply must never contain (card also without spaces). */
    List<String> sensitiveValues() {
        return List.of(name, email, phone, card, card.replace(" ", ""));
    }
}
