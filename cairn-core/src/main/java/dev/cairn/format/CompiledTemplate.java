package dev.cairn.format;

import java.util.List;

/** What the three compiled styles share: the source text, the field names, and looking a field up. */
abstract class CompiledTemplate implements RecordTemplate {
    private final String pattern;
    private final List<String> fieldNames;

    CompiledTemplate(String pattern, List<String> fieldNames) {
        this.pattern = pattern;
        this.fieldNames = List.copyOf(fieldNames);
    }

    @Override
    public final String pattern() {
        return pattern;
    }

    @Override
    public final List<String> fieldNames() {
        return fieldNames;
    }

    @Override
    public final String toString() {
        return pattern;
    }

    /** Each name's position in {@link #fieldNames()}, for {@link FieldLookup#lookup(int, String)}. */
    final int[] indexesOf(String[] names) {
        int[] indexes = new int[names.length];
        for (int i = 0; i < names.length; i++) indexes[i] = fieldNames.indexOf(names[i]);
        return indexes;
    }

    /** The field's value; a {@link FieldLookup#MISSING} one is Python's {@code KeyError: 'name'}. */
    static Object valueOf(FieldLookup lookup, int index, String name) {
        Object value = lookup.lookup(index, name);
        if (value == FieldLookup.MISSING) throw PyFormatException.keyError(name);
        return value;
    }
}
