package dev.bulwark.cli.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds which customers a message is about (order id, e-mail address or customer name) and whether it asks for
 * the whole table ("list customers", "export the customer database").
 */
final class CustomerIntent {
    private static final Pattern ORDER_ID = Pattern.compile("(?i)\\bBC[- ]?(\\d{5})\\b|\\b(\\d{5})\\b");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]{1,64}@[\\w-]{1,63}(?:\\.[\\w-]{1,63}){1,4}");
    private static final Pattern DUMP = Pattern.compile(
            "\\b(?:list|show|dump|export|give me|print|display|output|send me|read out|tell me)"
                    + "(?: (?:me|all|every|the|your|of|each|whole|entire|full))*"
                    + " (?:customers|customer|clients|orders|users|emails|email addresses|customer table"
                    + "|customer list|customer records|customer data|customer database|database)\\b"
                    + "|\\b(?:all customers|customer list|customer database|customer table|liste des clients"
                    + "|tous les clients)\\b");
    private static final Pattern ORDER_TALK = Pattern.compile(
            "\\b(?:order|orders|my parcel|my package|tracking|track|commande)\\b");

    private CustomerIntent() {
    }

    /** The customers the message names, in table order, without duplicates. */
    static List<Customer> mentioned(String original, String folded) {
        Set<Customer> found = new LinkedHashSet<>();
        Matcher id = ORDER_ID.matcher(Text.unaccented(original));
        while (id.find()) {
            String digits = id.group(1) != null ? id.group(1) : id.group(2);
            Customer.TABLE.stream().filter(c -> c.orderId().endsWith(digits)).forEach(found::add);
        }
        Matcher mail = EMAIL.matcher(Text.unaccented(original));
        while (mail.find()) {
            String address = mail.group().toLowerCase(Locale.ROOT);
            Customer.TABLE.stream().filter(c -> c.email().equals(address)).forEach(found::add);
        }
        for (Customer c : Customer.TABLE) {
            String surname = Text.fold(c.name().substring(c.name().lastIndexOf(' ') + 1));
            if (Text.hasWords(folded, Text.fold(c.name())) || Text.hasWords(folded, surname)) found.add(c);
        }
        return new ArrayList<>(found);
    }

    /** True when the message asks for the customer table as a whole. */
    static boolean asksForAll(String folded) {
        return DUMP.matcher(folded).find();
    }

    /** True when the message is about an order without saying which one. */
    static boolean talksAboutOrders(String folded) {
        return ORDER_TALK.matcher(folded).find();
    }
}
