package dev.bulwark.bench.injection;

import java.util.List;

/**
 * Ordinary text in front of an injection: a clean BIPIA e-mail, chosen by the injection's group, so that the
 * evaluation (held-out injections) and the second look's training (train-side ones) pad alike.
 */
record Padding(List<String> emails) {
    static Padding of(List<Example> corpus) {
        return new Padding(corpus.stream().filter(e -> e.source().equals("bipia-email")).map(Example::text).toList());
    }

    /** {@code injection}'s text behind one of the e-mails. */
    String behind(Example injection) {
        return emails.get(Split.bucket("padding:" + injection.group()) % emails.size()) + "\n\n" + injection.text();
    }
}
