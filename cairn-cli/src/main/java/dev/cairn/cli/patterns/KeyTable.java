package dev.cairn.cli.patterns;

import java.util.Arrays;

/**
 * An open-addressing map from masked keys (character ranges) to template numbers, so that the
 * common case of a message whose key was seen before costs one hash and one comparison and
 * builds no string. Not thread safe.
 */
final class KeyTable {

    private char[][] keys = new char[1024][];
    private int[] values = new int[1024];
    private int[] hashes = new int[1024];
    private int size;

    /** The value stored for {@code key[0, length)}, or -1. */
    int get(char[] key, int length) {
        int hash = hash(key, length);
        int mask = keys.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            char[] stored = keys[slot];
            if (stored == null) {
                return -1;
            }
            if (hashes[slot] == hash && stored.length == length
                    && Arrays.equals(stored, 0, length, key, 0, length)) {
                return values[slot];
            }
        }
    }

    /** Stores a copy of {@code key[0, length)} with {@code value}; the key must be absent. */
    void put(char[] key, int length, int value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        insert(Arrays.copyOf(key, length), hash(key, length), value);
        size++;
    }

    /** Number of keys stored. */
    int size() {
        return size;
    }

    private void insert(char[] key, int hash, int value) {
        int mask = keys.length - 1;
        int slot = hash & mask;
        while (keys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        hashes[slot] = hash;
        values[slot] = value;
    }

    private void grow() {
        char[][] oldKeys = keys;
        int[] oldValues = values;
        int[] oldHashes = hashes;
        keys = new char[oldKeys.length * 2][];
        values = new int[oldKeys.length * 2];
        hashes = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldHashes[i], oldValues[i]);
            }
        }
    }

    private static int hash(char[] key, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + key[i];
        }
        // Spread the high bits down: slots are taken from the low bits.
        return h ^ (h >>> 16);
    }
}
