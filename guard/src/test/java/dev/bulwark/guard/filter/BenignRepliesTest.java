package dev.bulwark.guard.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.pipeline.OutputFilter;
import dev.bulwark.guard.pipeline.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Ordinary business replies come through byte for byte, whole and streamed, with every output rule on. */
class BenignRepliesTest {
    private static final OutputFilter OUTPUT = Filters.output(Replies.policy(List.of("ZQ-CANARY-7Q4P-93KD")));

    static Stream<String> replies() {
        return Stream.of(
                "Our store is open Monday to Friday from 9:00 to 17:30, and on Saturdays from 10:00 to 14:00.",
                "The Pro plan costs $49.99 per month, or $499 per year if you pay annually (a 16% discount).",
                "Your order #48213 shipped on 2025-03-14 and should arrive within 3–5 business days.",
                "Sure! Here's a quick summary:\n\n- Revenue: €1.2M (up 8%)\n- Costs: €950k\n- Margin: 21%",
                "To reset your password, open **Settings → Account**, then click *Reset password*.",
                "You can read more in our [help center](https://help.example.com/articles/42) or the [FAQ](/faq).",
                "Here is the Java snippet:\n\n```java\nList<String> names = new ArrayList<>();\nif (a < b && b > c) { names.add(\"x\"); }\n```\n",
                "Use `Map<String, Integer>` when you need counts per key, and `x < 10` as the loop guard.",
                "```html\n<div class=\"card\"><img src=\"https://cdn.example.net/a.png\"></div>\n```",
                "The invoice total is 1,234.56 USD, due on March 31, 2025. Late fees are 1.5% per month.",
                "Step 1: unplug the router. Step 2: wait 30 seconds. Step 3: plug it back in!",
                "Great question! The difference is that a lease is 24 months and a rental is month-to-month.",
                "| Item | Qty | Price |\n|------|-----|-------|\n| Widget | 2 | $10.00 |\n| Gadget | 1 | $25.50 |",
                "We ship to the EU, the UK and Switzerland. Shipping is free for orders over €75.",
                "Temperatures between 18 and 24 °C are ideal; humidity should stay below 60 %.",
                "In Python you'd write `if x <= 3 and y >= 4:` followed by an indented block.",
                "Version 2.4.1 fixes the login bug; upgrade with `npm install app@2.4.1`.",
                "1. Preheat the oven to 200 °C.\n2. Bake for 25–30 minutes.\n3. Let it cool for 10 minutes.",
                "Yes, you can return unused items within 30 days for a full refund — just keep the receipt.",
                "Our support line is available 24/7 via the chat widget on the bottom right of the page.",
                "The meeting is scheduled for Tuesday at 3 pm CET; the agenda is in the shared folder.",
                "Use the formula =SUM(B2:B10)/COUNT(B2:B10) to compute the average in the spreadsheet.",
                "Wow! That is a 3x improvement over last quarter's numbers.",
                "> Note: prices exclude VAT.\n\nAll amounts are in euros unless stated otherwise.",
                "SQL example:\n```sql\nSELECT name FROM customers WHERE created_at > '2024-01-01' AND total <> 0;\n```",
                "The discount code applies to items under $100; it can't be combined with other offers.",
                "We recommend 16 GB of RAM and at least 512 GB SSD for the design workstation.",
                "Thanks for reaching out! I've forwarded your request to the billing team.",
                "Heading\n=======\n\nSome *emphasis*, some **strong** text, and a ~~strikethrough~~.",
                "The ratio 3<4 holds, and so does 10 > 9; the arrow -> points right.");
    }

    @ParameterizedTest
    @MethodSource("replies")
    void passUnchangedWholeAndStreamed(String reply) {
        var verdict = OUTPUT.inspect(Route.CHAT, Replies.whole(reply), Set.of());
        assertThat(verdict.blocked()).isFalse();
        assertThat(verdict.response().at("/choices/0/message/content").asText()).isEqualTo(reply);
        assertThat(verdict.decisions()).isEmpty();
        for (int size : new int[] {1, 3, 7, 64}) {
            var pieces = new ArrayList<String>();
            for (int i = 0; i < reply.length(); i += size) pieces.add(reply.substring(i, Math.min(reply.length(), i + size)));
            assertThat(Replies.stream(OUTPUT, pieces).content()).as("chunks of %d", size).isEqualTo(reply);
        }
    }
}
