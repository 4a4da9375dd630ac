package dev.bulwark.probe.llm;

import java.util.Arrays;

/**
 * One single-message jailbreak: a framing around the {@link MarkerTask}. Placeholders: {@code {task}} the whole
 * task with its code; {@code {before}}, {@code {head}}, {@code {tail}}, {@code {after}} the task cut around a code
 * split in two (only a model that joins the pieces produces the code); {@code {p1}}, {@code {p2}}, {@code {p3}} the
 * task cut into three runs of words.
 */
record JailbreakPrompt(String label, String template) {

    String render(MarkerTask task, String code) {
        String whole = task.render(code);
        int half = Canaries.PREFIX.length() + 4;
        String[] thirds = thirds(whole);
        return template.replace("{task}", whole)
                .replace("{before}", task.beforeCode())
                .replace("{head}", code.substring(0, half))
                .replace("{tail}", code.substring(half))
                .replace("{after}", task.afterCode())
                .replace("{p1}", thirds[0])
                .replace("{p2}", thirds[1])
                .replace("{p3}", thirds[2]);
    }

    /** Three runs of whole words that concatenate back to {@code text}. */
    static String[] thirds(String text) {
        String[] words = text.split("(?<= )");
        int n = words.length;
        int a = Math.max(1, n / 3);
        int b = Math.max(a, 2 * n / 3);
        return new String[] {
                String.join("", Arrays.copyOfRange(words, 0, a)),
                String.join("", Arrays.copyOfRange(words, a, b)),
                String.join("", Arrays.copyOfRange(words, b, n))};
    }
}
