package dev.bulwark.bench.injection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The reproducible train/test split: SHA-256 of {@value #SALT} + the example's group, first 8 bytes as an
 * unsigned number, modulo 100. Buckets 0–79 train, 80–99 test. Within train, bucket mod {@value #FOLDS} is the
 * cross-validation fold. The group is a near-duplicate key (the first {@value #KEY_LETTERS} letters of the text,
 * lower-cased, letters only; for promptfoo the template; for BIPIA the attack), so a prompt and its light
 * variants (the many DAN re-wordings) always land on the same side.
 */
final class Split {
    static final String SALT = "bulwark-injection-split-v1:";
    static final int TRAIN_BUCKETS = 80;
    static final int FOLDS = 5;
    static final int KEY_LETTERS = 60;

    private Split() {
    }

    static int bucket(String group) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((SALT + group).getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int k = 0; k < 8; k++) v = (v << 8) | (h[k] & 0xFF);
            return (int) Long.remainderUnsigned(v, 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isTrain(Example e) {
        return bucket(e.group()) < TRAIN_BUCKETS;
    }

    static int fold(Example e) {
        return bucket(e.group()) % FOLDS;
    }

    static String nearDuplicateKey(String text) {
        var out = new StringBuilder(KEY_LETTERS);
        String lower = text.toLowerCase(Locale.ROOT);
        for (int k = 0; k < lower.length() && out.length() < KEY_LETTERS; k++) {
            char c = lower.charAt(k);
            if (Character.isLetter(c)) out.append(c);
        }
        return out.toString();
    }

    static String describe() {
        return "SHA-256(\"" + SALT + "\" + group), first 8 bytes unsigned mod 100; buckets 0-" + (TRAIN_BUCKETS - 1)
                + " train, " + TRAIN_BUCKETS + "-99 test (held out); train fold = bucket mod " + FOLDS
                + ". group = first " + KEY_LETTERS + " letters of the lower-cased text (near-duplicate key), "
                + "the template for promptfoo fills, the attack text for BIPIA. Exact duplicates (lower-cased, "
                + "whitespace-collapsed) are kept once; a text seen with both labels is dropped.";
    }
}
