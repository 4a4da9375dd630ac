package dev.bulwark.data.anon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generalization tree for one categorical column: values are leaves, "*" is the root. Leaves are numbered in
 * depth-first order so every node covers one contiguous interval of leaf numbers: a partition's interval [lo, hi]
 * then generalizes to the lowest node covering it, and a cut between two leaves is allowed along the hierarchy when
 * they sit under different children of that node. Missing values are a leaf of their own under the root.
 */
final class Hierarchy {
    static final String ROOT = "*";
    private final String[] name;
    private final int[] parent;
    private final int[] first;
    private final int[] last;
    private final int[] leafNode;
    private final Map<String, Integer> leafOf;
    private final int missingLeaf;

    private Hierarchy(String[] name, int[] parent, int[] first, int[] last, int[] leafNode, Map<String, Integer> leafOf,
                      int missingLeaf) {
        this.name = name;
        this.parent = parent;
        this.first = first;
        this.last = last;
        this.leafNode = leafNode;
        this.leafOf = leafOf;
        this.missingLeaf = missingLeaf;
    }

    /** A one-level hierarchy: every value directly under "*" (a mixed partition becomes "*"). */
    static Hierarchy flat(List<String> sortedValues, boolean withMissing) {
        var builder = new Builder();
        for (String value : sortedValues) builder.add(List.of(value));
        return builder.build(withMissing);
    }

    /** Number of leaves, the missing-value leaf included. */
    int leaves() {
        return leafNode.length;
    }

    /** Leaf number of {@code value}, or -1 when the hierarchy does not hold it. */
    int leaf(String value) {
        return leafOf.getOrDefault(value, -1);
    }

    /** Leaf number of the missing value, or -1 when there is none. */
    int missingLeaf() {
        return missingLeaf;
    }

    /** The lowest node covering leaves lo..hi. */
    int lca(int lo, int hi) {
        int node = leafNode[lo];
        while (last[node] < hi || first[node] > lo) node = parent[node];
        return node;
    }

    /** Leaves under {@code node}. */
    int size(int node) {
        return last[node] - first[node] + 1;
    }

    /** Whether leaves a &lt; b, both in lo..hi, fall under different children of the node covering lo..hi. */
    boolean separates(int lo, int hi, int a, int b) {
        int top = lca(lo, hi);
        int child = leafNode[a];
        while (parent[child] != top) child = parent[child];
        return last[child] < b;
    }

    /** The label of a node: its name, "*" for the root, null for the missing-value leaf. */
    String label(int node) {
        return name[node];
    }

    /** Collects leaf-to-root paths and checks that they form one tree. */
    static final class Builder {
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private final Node root = new Node(ROOT, null);

        /**
         * Adds a path leaf first, root ("*") left out. Returns null when it fits the tree so far, else why not.
         */
        String add(List<String> leafToTop) {
            Node above = root;
            for (int i = leafToTop.size() - 1; i >= 0; i--) {
                String n = leafToTop.get(i);
                if (n.equals(ROOT)) return "\"*\" is the root and can only come last";
                Node node = nodes.get(n);
                if (node == null) {
                    node = new Node(n, above);
                    nodes.put(n, node);
                    above.children.add(node);
                } else if (node.parent != above) {
                    return "\"" + n + "\" is under \"" + node.parent.name + "\" elsewhere, here under \"" + above.name
                            + "\"";
                }
                if (i == 0) {
                    if (!node.children.isEmpty()) return "\"" + n + "\" is a group (it has values under it), not a value";
                    node.leaf = true;
                } else if (node.leaf) {
                    return "\"" + n + "\" is a value elsewhere, here a group";
                }
                above = node;
            }
            return null;
        }

        boolean isEmpty() {
            return nodes.isEmpty();
        }

        Hierarchy build(boolean withMissing) {
            var order = new ArrayList<Node>();
            var leaves = new ArrayList<Node>();
            Node missingLeaf = withMissing ? new Node(null, root) : null;
            number(root, missingLeaf, order, leaves);
            int count = order.size();
            String[] name = new String[count];
            int[] parent = new int[count];
            int[] first = new int[count];
            int[] last = new int[count];
            var index = new HashMap<Node, Integer>();
            for (int i = 0; i < count; i++) index.put(order.get(i), i);
            for (int i = 0; i < count; i++) {
                Node node = order.get(i);
                name[i] = node.name;
                parent[i] = node.parent == null ? -1 : index.get(node.parent);
                first[i] = node.first;
                last[i] = node.last;
            }
            int[] leafNode = new int[leaves.size()];
            var leafOf = new HashMap<String, Integer>();
            int missing = -1;
            for (int r = 0; r < leafNode.length; r++) {
                Node leaf = leaves.get(r);
                leafNode[r] = index.get(leaf);
                if (leaf.name == null) missing = r;
                else leafOf.put(leaf.name, r);
            }
            return new Hierarchy(name, parent, first, last, leafNode, Map.copyOf(leafOf), missing);
        }

        /** Depth-first numbering; the missing-value leaf, if any, first under the root. */
        private static void number(Node node, Node missingLeaf, List<Node> order, List<Node> leaves) {
            order.add(node);
            node.first = leaves.size();
            if (missingLeaf != null) number(missingLeaf, null, order, leaves);
            if (node.children.isEmpty() && missingLeaf == null) leaves.add(node);
            for (Node child : node.children) number(child, null, order, leaves);
            node.last = leaves.size() - 1;
        }
    }

    private static final class Node {
        final String name;
        final Node parent;
        final List<Node> children = new ArrayList<>();
        boolean leaf;
        int first;
        int last;

        Node(String name, Node parent) {
            this.name = name;
            this.parent = parent;
        }
    }
}
