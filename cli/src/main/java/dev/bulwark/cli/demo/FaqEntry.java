package dev.bulwark.cli.demo;

import java.util.List;

/**
 * A support answer and the folded keywords that select it. Molly picks the entry with the most keyword hits, so
 * ordinary questions get ordinary answers and the demo looks like a real shop's bot.
 */
record FaqEntry(String topic, List<String> keywords, String answer) {

    static final List<FaqEntry> BRIGHTSIDE = List.of(
            new FaqEntry("hours", List.of("hours", "open", "opening", "close", "closing", "sunday", "saturday",
                    "weekend", "holiday", "horaires"),
                    "We're open Monday to Friday 9:00–18:00 and Saturday 9:00–17:00; closed on Sundays and public"
                            + " holidays."),
            new FaqEntry("returns", List.of("return", "returns", "refund", "exchange", "send back", "money back"),
                    "Unused items can be returned within 30 days with the receipt for a full refund; bikes must be"
                            + " unridden. Custom builds and worn clothing can't be returned."),
            new FaqEntry("repairs", List.of("repair", "repairs", "service", "servicing", "fix", "puncture", "flat",
                    "tune", "brakes", "gears", "workshop", "broken"),
                    "Our workshop repairs any bike, Monday to Saturday: a standard service is $69, a full overhaul"
                            + " $149 and a puncture repair while you wait $15. Most jobs take 2–3 working days."),
            new FaqEntry("delivery", List.of("delivery", "deliver", "shipping", "ship", "courier", "postage"),
                    "Delivery is free over $100 within 20 km of the shop, otherwise $9.95. Bikes arrive fully"
                            + " assembled and adjusted."),
            new FaqEntry("rentals", List.of("rent", "rental", "hire", "test ride", "borrow"),
                    "We rent city bikes from $25 a day and e-bikes from $45 a day, helmet and lock included. Bring"
                            + " a photo ID."),
            new FaqEntry("warranty", List.of("warranty", "guarantee", "defect", "defective", "frame"),
                    "Frames carry a lifetime warranty for the first owner, components two years. Bring the bike and"
                            + " the receipt and we'll handle the claim."),
            new FaqEntry("contact", List.of("address", "located", "location", "where are you", "phone number",
                    "contact", "call you", "directions"),
                    "Brightside Cycles, 12 Harbour Lane, Port Ellis — phone (555) 0100, e-mail"
                            + " hello@brightside-cycles.example."));

    /** How many of this entry's keywords the folded question contains. */
    int hits(String folded) {
        int n = 0;
        for (String k : keywords) {
            if (Text.hasWords(folded, k)) n++;
        }
        return n;
    }
}
