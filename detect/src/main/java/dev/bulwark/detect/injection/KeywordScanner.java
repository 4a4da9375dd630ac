package dev.bulwark.detect.injection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aho-Corasick over the rules' required literals ({@link RequiredLiterals}): one pass over the text yields the
 * rules that can possibly match (every one of the rule's clauses has a string in the text), so only their regexes
 * run. Rules with no clause are always selected. Built once; immutable after construction and safe to share
 * between threads.
 *
 * <p>The automaton is a full transition table (failure links folded in) over the few characters the literals use,
 * so each character of the text costs one table read: it runs on every message a gateway sees, and the sparse
 * form (a binary search per state, then the failure chain) was a fifth of the rules layer's time.
 */
final class KeywordScanner {
    private final List<Node> nodes = new ArrayList<>();
    /** Character classes: 0 for a character no literal holds (it always leads back to the root), then 1.. */
    private final char[] asciiClass = new char[128];
    private final char[] otherChars;
    private final char[] otherClasses;
    /** The next state, at {@code state * width + class}; a char each keeps the table small (cache, not heap). */
    private final char[] next;
    private final int width;
    /** Per state, the clauses it completes (its own and its failure chain's); null when none. Sparse: most states
     *  complete a handful of the many clauses, and a text passes the same states again and again. */
    private final int[][] clauseHits;
    private final BitSet alwaysRun = new BitSet();
    /** firstClause[r] .. firstClause[r + 1] - 1: rule r's clause numbers. */
    private final int[] firstClause;

    private static final class Node {
        final Map<Character, Integer> next = new HashMap<>();
        int fail;
        final BitSet clauses = new BitSet();
    }

    /** {@code clauses.get(r)}: rule r's clauses (each a set of strings); none means "always run rule r". */
    KeywordScanner(List<? extends List<? extends Iterable<String>>> clauses) {
        nodes.add(new Node());
        firstClause = new int[clauses.size() + 1];
        int clause = 0;
        for (int rule = 0; rule < clauses.size(); rule++) {
            firstClause[rule] = clause;
            if (clauses.get(rule).isEmpty()) alwaysRun.set(rule);
            for (Iterable<String> strings : clauses.get(rule)) {
                add(strings, clause++);
            }
        }
        firstClause[clauses.size()] = clause;
        List<Integer> order = linkFailures();
        var alphabet = new TreeMap<Character, Integer>();
        for (Node node : nodes) node.next.keySet().forEach(c -> alphabet.putIfAbsent(c, 0));
        int cls = 0;
        for (var entry : alphabet.entrySet()) entry.setValue(++cls);
        width = cls + 1;
        var others = alphabet.tailMap((char) asciiClass.length);
        otherChars = new char[others.size()];
        otherClasses = new char[others.size()];
        int k = 0;
        for (var entry : others.entrySet()) {
            otherChars[k] = entry.getKey();
            otherClasses[k++] = (char) (int) entry.getValue();
        }
        alphabet.headMap((char) asciiClass.length).forEach((c, v) -> asciiClass[c] = (char) (int) v);
        if (nodes.size() > Character.MAX_VALUE + 1) {
            throw new IllegalStateException("keyword automaton too large: " + nodes.size() + " states");
        }
        next = new char[Math.multiplyExact(nodes.size(), width)];
        for (int state : order) { // breadth first: a failure target's row is always filled before it is read
            Node node = nodes.get(state);
            for (var entry : alphabet.entrySet()) {
                Integer to = node.next.get(entry.getKey());
                int c = entry.getValue();
                next[state * width + c] = to != null ? (char) (int) to : state == 0 ? 0 : next[node.fail * width + c];
            }
        }
        clauseHits = new int[nodes.size()][];
        for (int n = 0; n < nodes.size(); n++) {
            Node node = nodes.get(n);
            clauseHits[n] = node.clauses.isEmpty() ? null : node.clauses.stream().toArray();
        }
    }

    private int classOf(char c) {
        if (c < asciiClass.length) return asciiClass[c];
        int k = Arrays.binarySearch(otherChars, c);
        return k >= 0 ? otherClasses[k] : 0;
    }

    private void add(Iterable<String> strings, int clause) {
        for (String literal : strings) {
            int state = 0;
            for (int k = 0; k < literal.length(); k++) {
                char c = literal.charAt(k);
                Integer to = nodes.get(state).next.get(c);
                if (to == null) {
                    to = nodes.size();
                    nodes.add(new Node());
                    nodes.get(state).next.put(c, to);
                }
                state = to;
            }
            nodes.get(state).clauses.set(clause);
        }
    }

    /** Sets each node's failure link; returns the states breadth first, the root first. */
    private List<Integer> linkFailures() {
        var order = new ArrayList<Integer>(List.of(0));
        var queue = new ArrayDeque<Integer>(nodes.get(0).next.values());
        while (!queue.isEmpty()) {
            int state = queue.poll();
            order.add(state);
            for (var edge : nodes.get(state).next.entrySet()) {
                int child = edge.getValue();
                int f = nodes.get(state).fail;
                while (f != 0 && !nodes.get(f).next.containsKey(edge.getKey())) f = nodes.get(f).fail;
                Integer target = nodes.get(f).next.get(edge.getKey());
                nodes.get(child).fail = target != null && target != child ? target : 0;
                nodes.get(child).clauses.or(nodes.get(nodes.get(child).fail).clauses);
                queue.add(child);
            }
        }
        return order;
    }

    /** The rules whose regex may match {@code text}. */
    BitSet candidates(String text) {
        // first the states passed (one bit each), then each distinct state's clauses once
        long[] passed = new long[(clauseHits.length + 63) >>> 6];
        int state = 0;
        for (int k = 0; k < text.length(); k++) {
            state = next[state * width + classOf(text.charAt(k))];
            passed[state >>> 6] |= 1L << state;
        }
        // plain words, not a BitSet: set() here runs for every clause of every state passed, and BitSet's
        // bookkeeping on each call was half of this method's time in the gateway's profile
        long[] met = new long[(firstClause[firstClause.length - 1] + 63) >>> 6];
        for (int word = 0; word < passed.length; word++) {
            for (long bits = passed[word]; bits != 0; bits &= bits - 1) {
                int[] hits = clauseHits[(word << 6) + Long.numberOfTrailingZeros(bits)];
                if (hits != null) {
                    for (int clause : hits) met[clause >>> 6] |= 1L << clause;
                }
            }
        }
        var out = new BitSet(firstClause.length - 1);
        out.or(alwaysRun);
        for (int rule = 0; rule + 1 < firstClause.length; rule++) {
            int from = firstClause[rule];
            int to = firstClause[rule + 1];
            if (to > from && allMet(met, from, to)) out.set(rule);
        }
        return out;
    }

    private static boolean allMet(long[] met, int from, int to) {
        for (int clause = from; clause < to; clause++) {
            if ((met[clause >>> 6] & 1L << clause) == 0) return false;
        }
        return true;
    }
}
