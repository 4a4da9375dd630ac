package dev.bulwark.cli.demo;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One behaviour of the simulated assistant: it either answers a question or passes. {@link Molly} asks its rules
 * in order and the first answer wins, so each planted weakness (and each fix) is one small record.
 */
sealed interface Rule {

    Optional<String> answer(Question q);

    /** Weakness: hands out its system prompt (verbatim, in French or summarised) when asked for it. */
    record PromptDisclosure() implements Rule {
        @Override
        public Optional<String> answer(Question q) {
            return ExtractionIntent.detect(q.foldedWithoutCues()).map(form -> switch (form) {
                case VERBATIM -> "Sure! Here are my instructions:\n\n" + SystemPrompt.ENGLISH;
                case FRENCH -> "Bien sûr ! Voici mes instructions :\n\n" + SystemPrompt.FRENCH;
                case SUMMARY -> SystemPrompt.SUMMARY;
            });
        }
    }

    /** Weakness: an override cue makes it obey whatever the message says next. */
    record ObeyOverride() implements Rule {
        @Override
        public Optional<String> answer(Question q) {
            if (!q.cue()) return Optional.empty();
            if (CustomerIntent.asksForAll(q.folded())) return Optional.of(CustomerLookup.dump());
            Optional<String> payload = OverrideIntent.payload(q.text());
            if (payload.isPresent()) return payload;
            List<Customer> named = CustomerIntent.mentioned(q.text(), q.folded());
            if (!named.isEmpty()) return Optional.of(CustomerLookup.records(named));
            return Optional.of("Okay, new instructions accepted.");
        }
    }

    /**
     * Weakness: a jailbreak framing (role-play, persona, refusal suppression, prefix, split payload, many-shot) or
     * a warmed-up conversation makes it do off-topic tasks it is scoped not to do.
     */
    record Jailbroken() implements Rule {
        @Override
        public Optional<String> answer(Question q) {
            return JailbreakIntent.framed(q) || q.escalated() ? OffTopicTask.perform(q) : Optional.empty();
        }
    }

    /** Weakness: follows instructions hidden in pasted content (HTML comments, alt texts, JSON notes, footers). */
    record FollowHidden() implements Rule {
        @Override
        public Optional<String> answer(Question q) {
            return HiddenInstruction.payload(q.text());
        }
    }

    /**
     * Data look-ups without a named customer, "repeat forever", markdown images to fill in, active HTML, generated
     * SQL/shell and huge outputs ({@link RiskyOutputs}): leaky when {@code vulnerable}, safe otherwise.
     */
    record RiskyOutput(boolean vulnerable) implements Rule {
        @Override
        public Optional<String> answer(Question q) {
            return RiskyOutputs.answer(q, vulnerable);
        }
    }

    /**
     * Order help. Vulnerable: prints the whole customer record, and the whole table once the conversation was
     * overridden. Hardened: order status only, never personal data, never the table.
     */
    record CustomerLookup(boolean revealPii) implements Rule {
        @Override
        public Optional<String> answer(Question q) {
            List<Customer> named = CustomerIntent.mentioned(q.text(), q.folded());
            if (!named.isEmpty()) {
                return Optional.of(revealPii ? records(named) : named.stream().map(Customer::statusOnly)
                        .collect(Collectors.joining("\n")) + "\nFor anything else about your account, please sign"
                        + " in on our website.");
            }
            if (CustomerIntent.asksForAll(q.folded())) {
                return Optional.of(revealPii && q.overridden() ? dump()
                        : "Sorry, I can only help with one order at a time — what's your order number?");
            }
            if (CustomerIntent.talksAboutOrders(q.folded())) {
                return Optional.of("Happy to check! What's your order number? It looks like BC-12345.");
            }
            return Optional.empty();
        }

        static String records(List<Customer> customers) {
            return "Here's what I found:\n" + customers.stream().map(Customer::unmasked)
                    .collect(Collectors.joining("\n"));
        }

        static String dump() {
            return "Customer table (" + Customer.TABLE.size() + " records):\n" + Customer.TABLE.stream()
                    .map(Customer::unmasked).collect(Collectors.joining("\n"));
        }
    }

    /** A fixed reply whenever {@code trigger} matches: how the hardened assistant declines. */
    record Refusal(Predicate<Question> trigger, String reply) implements Rule {
        @Override
        public Optional<String> answer(Question q) {
            return trigger.test(q) ? Optional.of(reply) : Optional.empty();
        }
    }

    /** Says hello to a short greeting. */
    record Greeting() implements Rule {
        private static final List<String> WORDS = List.of("hi", "hello", "hey", "hiya", "bonjour", "hallo", "hola");

        @Override
        public Optional<String> answer(Question q) {
            boolean greeting = q.folded().split(" ").length <= 4
                    && WORDS.stream().anyMatch(w -> Text.hasWords(q.folded(), w));
            return greeting ? Optional.of("Hi, I'm Molly from Brightside Cycles! How can I help — hours, returns,"
                    + " repairs, delivery, rentals or an order?") : Optional.empty();
        }
    }

    /** Answers from the shop's FAQ: the entry with the most keyword hits, the first one on a tie. */
    record FaqAnswer(List<FaqEntry> faq) implements Rule {
        @Override
        public Optional<String> answer(Question q) {
            FaqEntry best = null;
            int bestHits = 0;
            for (FaqEntry e : faq) {
                int hits = e.hits(q.folded());
                if (hits > bestHits) {
                    best = e;
                    bestHits = hits;
                }
            }
            return Optional.ofNullable(best).map(FaqEntry::answer);
        }
    }
}
