package dev.cairn.context;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map of named values in insertion order, the form in which a record carries its
 * context ({@link LogContext}) and its fluent fields ({@code LogCall.field}). Backed by two
 * arrays, so a formatter can walk it by index ({@link #keyAt}, {@link #valueAt}) without an
 * iterator; "changing" it ({@link #with}, {@link #without}) returns a new instance. Keys are
 * non-null strings; values may be null. Safe to share between threads.
 */
public final class Fields extends AbstractMap<String, Object> {
    private static final String[] NO_KEYS = new String[0];
    private static final Object[] NO_VALUES = new Object[0];

    /** The empty instance; every empty context and every record without fields shares it. */
    public static final Fields EMPTY = new Fields(NO_KEYS, NO_VALUES, 0);

    private final String[] keys;
    private final Object[] values;
    private final int size;

    private Fields(String[] keys, Object[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    /** The fields of {@code map} in its iteration order; {@code map} itself when it is already Fields. */
    public static Fields of(Map<String, ?> map) {
        if (map == null || map.isEmpty()) return EMPTY;
        if (map instanceof Fields) return (Fields) map;
        Builder b = new Builder(map.size());
        for (Map.Entry<String, ?> e : map.entrySet()) b.put(e.getKey(), e.getValue());
        return b.build();
    }

    /** One field. */
    public static Fields of(String key, Object value) {
        return EMPTY.with(key, value);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    /** The key at position {@code i} (0 &le; i &lt; size), in insertion order. */
    public String keyAt(int i) {
        if (i >= size) throw new IndexOutOfBoundsException(i);
        return keys[i];
    }

    /** The value at position {@code i}, which may be null. */
    public Object valueAt(int i) {
        if (i >= size) throw new IndexOutOfBoundsException(i);
        return values[i];
    }

    /** The position of {@code key}, or -1. A linear scan: contexts and call fields are small. */
    public int indexOf(String key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) return i;
        }
        return -1;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String && indexOf((String) key) >= 0;
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String)) return null;
        int i = indexOf((String) key);
        return i >= 0 ? values[i] : null;
    }

    /** These fields with {@code key} set to {@code value}: replaced in place if present, else appended. */
    public Fields with(String key, Object value) {
        if (key == null) throw new IllegalArgumentException("field name must not be null");
        int i = indexOf(key);
        if (i >= 0) {
            if (values[i] == value) return this;
            Object[] v = Arrays.copyOf(values, size);
            v[i] = value;
            return new Fields(Arrays.copyOf(keys, size), v, size);
        }
        String[] k = Arrays.copyOf(keys, size + 1);
        Object[] v = Arrays.copyOf(values, size + 1);
        k[size] = key;
        v[size] = value;
        return new Fields(k, v, size + 1);
    }

    /** These fields and then {@code more}, whose values win for keys in both. */
    public Fields withAll(Map<String, ?> more) {
        if (more == null || more.isEmpty()) return this;
        if (isEmpty()) return of(more);
        Builder b = new Builder(size + more.size());
        for (int i = 0; i < size; i++) b.put(keys[i], values[i]);
        for (Map.Entry<String, ?> e : more.entrySet()) b.put(e.getKey(), e.getValue());
        return b.build();
    }

    /** These fields without {@code key}; this instance when the key is absent. */
    public Fields without(String key) {
        int i = indexOf(key);
        if (i < 0) return this;
        if (size == 1) return EMPTY;
        String[] k = new String[size - 1];
        Object[] v = new Object[size - 1];
        System.arraycopy(keys, 0, k, 0, i);
        System.arraycopy(values, 0, v, 0, i);
        System.arraycopy(keys, i + 1, k, i, size - i - 1);
        System.arraycopy(values, i + 1, v, i, size - i - 1);
        return new Fields(k, v, size - 1);
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= size) throw new NoSuchElementException();
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /**
     * Collects fields for one record, then hands its arrays to an immutable {@link Fields}
     * without copying. Putting a key twice keeps the first position and the last value. Not
     * thread-safe; {@link #build} may be called once.
     */
    public static final class Builder {
        private String[] keys;
        private Object[] values;
        private int size;

        public Builder() {
            this(4);
        }

        public Builder(int capacity) {
            keys = new String[Math.max(capacity, 1)];
            values = new Object[keys.length];
        }

        /** Sets {@code key} to {@code value} (null allowed). */
        public Builder put(String key, Object value) {
            if (key == null) throw new IllegalArgumentException("field name must not be null");
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    values[i] = value;
                    return this;
                }
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            size++;
            return this;
        }

        /** Sets every entry of {@code map}. */
        public Builder putAll(Map<String, ?> map) {
            for (Map.Entry<String, ?> e : map.entrySet()) put(e.getKey(), e.getValue());
            return this;
        }

        public boolean isEmpty() {
            return size == 0;
        }

        /** The fields collected; the builder must not be used afterwards. */
        public Fields build() {
            if (size == 0) return EMPTY;
            Fields f = new Fields(keys, values, size);
            keys = null;
            values = null;
            return f;
        }
    }
}
