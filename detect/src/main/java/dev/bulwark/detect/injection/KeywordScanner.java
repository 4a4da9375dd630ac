package dev.bulwark.detect.injection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick over the rules' required literals ({@link RequiredLiterals}): one pass over the text yields the
 * rules that can possibly match (every one of the rule's clauses has a string in the text), so only their regexes
 * run. Rules with no clause are always selected. Built once; immutable after construction and safe to share
 * between threads.
 */
final class KeywordScanner {
    private final List<Node> nodes = new ArrayList<>();
    /** Frozen transitions: per state, sorted edge characters and their targets (no boxing on the hot path). */
    private final char[][] edgeChars;
    private final int[][] edgeTargets;
    private final int[] fail;
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
        linkFailures();
        edgeChars = new char[nodes.size()][];
        edgeTargets = new int[nodes.size()][];
        fail = new int[nodes.size()];
        clauseHits = new int[nodes.size()][];
        for (int n = 0; n < nodes.size(); n++) {
            Node node = nodes.get(n);
            var keys = node.next.keySet().stream().sorted().toList();
            edgeChars[n] = new char[keys.size()];
            edgeTargets[n] = new int[keys.size()];
            for (int k = 0; k < keys.size(); k++) {
                edgeChars[n][k] = keys.get(k);
                edgeTargets[n][k] = node.next.get(keys.get(k));
            }
            fail[n] = node.fail;
            clauseHits[n] = node.clauses.isEmpty() ? null : node.clauses.stream().toArray();
        }
    }

    private int step(int state, char c) {
        int k = Arrays.binarySearch(edgeChars[state], c);
        return k >= 0 ? edgeTargets[state][k] : -1;
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

    private void linkFailures() {
        var queue = new ArrayDeque<Integer>(nodes.get(0).next.values());
        while (!queue.isEmpty()) {
            int state = queue.poll();
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
    }

    /** The rules whose regex may match {@code text}. */
    BitSet candidates(String text) {
        // first the states passed (one bit each), then each distinct state's clauses once
        long[] passed = new long[(fail.length + 63) >>> 6];
        int state = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            int to;
            while ((to = step(state, c)) < 0 && state != 0) state = fail[state];
            state = Math.max(to, 0);
            passed[state >>> 6] |= 1L << state;
        }
        var met = new BitSet(firstClause[firstClause.length - 1]);
        for (int word = 0; word < passed.length; word++) {
            for (long bits = passed[word]; bits != 0; bits &= bits - 1) {
                int[] hits = clauseHits[(word << 6) + Long.numberOfTrailingZeros(bits)];
                if (hits != null) {
                    for (int clause : hits) met.set(clause);
                }
            }
        }
        BitSet out = (BitSet) alwaysRun.clone();
        for (int rule = 0; rule + 1 < firstClause.length; rule++) {
            int from = firstClause[rule];
            int to = firstClause[rule + 1];
            if (to > from && met.nextClearBit(from) >= to) out.set(rule);
        }
        return out;
    }
}
