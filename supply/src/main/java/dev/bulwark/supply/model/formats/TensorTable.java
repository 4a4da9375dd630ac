package dev.bulwark.supply.model.formats;

import java.util.Arrays;

/**
 * The byte ranges a safetensors header claims, checked against the data area the way the reference loader does:
 * sorted by start, every tensor must begin where the previous one ended and the last must end at the data area's
 * end. An overlap lets two tensors alias one another; a gap or a tail is room for bytes no loader looks at.
 */
final class TensorTable {
    private String[] names = new String[64];
    private long[] begins = new long[64];
    private long[] ends = new long[64];
    private long[] headerOffsets = new long[64];
    private int count;

    void add(String name, long begin, long end, long headerOffset) throws MalformedModelException {
        if (count == SafetensorsReader.MAX_TENSORS) {
            throw new MalformedModelException("more than " + SafetensorsReader.MAX_TENSORS + " tensors", headerOffset);
        }
        if (count == begins.length) {
            int grown = count * 2;
            names = Arrays.copyOf(names, grown);
            begins = Arrays.copyOf(begins, grown);
            ends = Arrays.copyOf(ends, grown);
            headerOffsets = Arrays.copyOf(headerOffsets, grown);
        }
        names[count] = name;
        begins[count] = begin;
        ends[count] = end;
        headerOffsets[count] = headerOffset;
        count++;
    }

    void checkTiling(long dataLength) throws MalformedModelException {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) order[i] = i;
        // Ties on the start put empty tensors first, so a zero-length tensor never looks like an overlap.
        Arrays.sort(order, (a, b) -> begins[a] != begins[b] ? Long.compare(begins[a], begins[b]) : Long.compare(ends[a], ends[b]));
        long expected = 0;
        int previous = -1;
        for (int i : order) {
            if (ends[i] > dataLength) {
                throw new MalformedModelException("tensor '" + shown(i) + "' ends at data byte " + ends[i]
                        + ", past the " + dataLength + "-byte data area", headerOffsets[i]);
            }
            if (begins[i] < expected) {
                throw new MalformedModelException("tensors '" + shown(previous) + "' and '" + shown(i) + "' overlap",
                        headerOffsets[i]);
            }
            if (begins[i] > expected) {
                throw new MalformedModelException((begins[i] - expected) + " data bytes before tensor '" + shown(i)
                        + "' belong to no tensor (room for hidden content)", headerOffsets[i]);
            }
            expected = ends[i];
            previous = i;
        }
        if (expected != dataLength) {
            throw new MalformedModelException((dataLength - expected) + " bytes after the last tensor belong to no tensor"
                    + " (room for hidden content)", -1);
        }
    }

    private String shown(int index) {
        return index < 0 ? "" : Issues.excerpt(names[index], 80);
    }
}
