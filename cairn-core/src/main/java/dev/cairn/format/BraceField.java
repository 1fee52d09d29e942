package dev.cairn.format;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One compiled {@code str.format} replacement field: the record field it reads, the
 * {@code .attr} and {@code [key]} steps after it, the {@code !r/!s/!a} conversion and the format
 * spec (parsed once, or expanded per record when it holds nested fields). Evaluates in the order
 * of CPython's {@code output_markup}, raising its errors at the same points.
 */
final class BraceField {
    private static final int MAX_DIGITS_VALUE = Integer.MAX_VALUE;

    /** The record field name, or null for a positional field, which always fails as logging passes none. */
    private final String key;
    private final int keyIndex;
    private final PyFormatException positionalError;
    private final List<Step> steps;
    /** A malformed step met after the valid ones, raised when reached. */
    private final PyFormatException stepError;
    private final char conversion;
    private final FormatSpec spec;
    private final BraceTemplate.Body nestedSpec;
    private final PyFormatException specError;
    private final boolean plain;

    /** One {@code .name} or {@code [key]} step; an all-digit key indexes by int, as get_integer decides. */
    private static final class Step {
        final boolean attribute;
        final String name;
        final long index;

        Step(boolean attribute, String name, long index) {
            this.attribute = attribute;
            this.name = name;
            this.index = index;
        }
    }

    private BraceField(String key, int keyIndex, PyFormatException positionalError, List<Step> steps,
            PyFormatException stepError, char conversion, FormatSpec spec, BraceTemplate.Body nestedSpec,
            PyFormatException specError) {
        this.key = key;
        this.keyIndex = keyIndex;
        this.positionalError = positionalError;
        this.steps = steps;
        this.stepError = stepError;
        this.conversion = conversion;
        this.spec = spec;
        this.nestedSpec = nestedSpec;
        this.specError = specError;
        this.plain = key != null && steps.isEmpty() && stepError == null && conversion == 0
                && nestedSpec == null && specError == null && spec.isEmpty();
    }

    /** Compiles a raw field at the given recursion depth (2 at top level, as build_string starts). */
    static BraceField compile(BraceMarkup.RawField raw, int depth, List<String> fieldNames) {
        String name = raw.name;
        int firstEnd = 0;
        while (firstEnd < name.length() && name.charAt(firstEnd) != '.' && name.charAt(firstEnd) != '[') firstEnd++;
        String first = name.substring(0, firstEnd);
        String key = null;
        int keyIndex = -1;
        PyFormatException positionalError = null;
        try {
            long number = first.isEmpty() ? 0 : integerOrMinusOne(first);
            if (first.isEmpty() || number >= 0) {
                positionalError = new PyFormatException("IndexError",
                        "Replacement index " + number + " out of range for positional args tuple");
            } else {
                key = first;
            }
        } catch (PyFormatException e) {
            positionalError = e;
        }
        if (key != null) {
            if (!fieldNames.contains(key)) fieldNames.add(key);
            keyIndex = fieldNames.indexOf(key);
        }
        List<Step> steps = new ArrayList<>();
        PyFormatException stepError = parseSteps(name, firstEnd, steps);
        FormatSpec spec = FormatSpec.parse("");
        BraceTemplate.Body nested = null;
        PyFormatException specError = null;
        if (!raw.specHasFields) {
            spec = FormatSpec.parse(raw.spec);
        } else if (depth - 1 <= 0) {
            specError = PyFormatException.valueError("Max string recursion exceeded");
        } else {
            nested = BraceTemplate.Body.compile(raw.spec, depth - 1, fieldNames);
        }
        return new BraceField(key, keyIndex, positionalError, List.copyOf(steps), stepError, raw.conversion, spec,
                nested, specError);
    }

    /** CPython's FieldNameIterator: steps until the end or the first malformed one, whose error is returned. */
    private static PyFormatException parseSteps(String name, int pos, List<Step> steps) {
        try {
            while (pos < name.length()) {
                char c = name.charAt(pos++);
                int start = pos;
                if (c == '.') {
                    while (pos < name.length() && name.charAt(pos) != '.' && name.charAt(pos) != '[') pos++;
                    if (pos == start) throw PyFormatException.valueError("Empty attribute in format string");
                    steps.add(new Step(true, name.substring(start, pos), -1));
                } else if (c == '[') {
                    while (pos < name.length() && name.charAt(pos) != ']') pos++;
                    if (pos >= name.length()) throw PyFormatException.valueError("Missing ']' in format string");
                    String item = name.substring(start, pos++);
                    if (item.isEmpty()) throw PyFormatException.valueError("Empty attribute in format string");
                    steps.add(new Step(false, item, integerOrMinusOne(item)));
                } else {
                    throw PyFormatException.valueError("Only '.' or '[' may follow ']' in format field specifier");
                }
            }
            return null;
        } catch (PyFormatException e) {
            return e;
        }
    }

    /** CPython's get_integer: the value of an all-ASCII-digit string, else -1. */
    private static long integerOrMinusOne(String s) {
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
            if (value > MAX_DIGITS_VALUE) throw PyFormatException.valueError("Too many decimal digits in format string");
        }
        return value;
    }

    void append(StringBuilder out, FieldLookup lookup) {
        if (positionalError != null) throw positionalError;
        Object value = CompiledTemplate.valueOf(lookup, keyIndex, key);
        if (plain) {
            PyObjects.appendStr(out, value);
            return;
        }
        for (Step step : steps) value = step.attribute ? attribute(value, step.name) : item(value, step);
        if (stepError != null) throw stepError;
        value = convert(value);
        if (specError != null) throw specError;
        if (nestedSpec == null) {
            spec.apply(out, value);
        } else {
            StringBuilder expanded = new StringBuilder();
            nestedSpec.append(expanded, lookup);
            FormatSpec.parse(expanded.toString()).apply(out, value);
        }
    }

    private Object convert(Object value) {
        switch (conversion) {
            case 0: return value;
            case 's': return PyObjects.str(value);
            case 'r': return PyObjects.repr(value);
            case 'a': return PyObjects.ascii(value);
            default:
                String shown = conversion >= 32 && conversion < 127
                        ? String.valueOf(conversion) : "\\x" + Integer.toHexString(conversion);
                throw PyFormatException.valueError("Unknown conversion specifier " + shown);
        }
    }

    /** Java values have none of Python's attributes that a log format would use. */
    private static Object attribute(Object value, String name) {
        throw new PyFormatException("AttributeError",
                "'" + PyObjects.typeName(value) + "' object has no attribute '" + name + "'");
    }

    private static Object item(Object value, Step step) {
        boolean byInt = step.index >= 0;
        if (value instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) value;
            Object key = byInt ? (Object) Integer.valueOf((int) step.index) : step.name;
            Object found = map.get(key);
            if (found == null && !map.containsKey(key)) throw PyFormatException.keyError(key);
            return found;
        }
        if (value instanceof CharSequence) {
            if (!byInt) throw PyFormatException.typeError("string indices must be integers, not 'str'");
            String s = value.toString();
            if (step.index >= s.codePointCount(0, s.length())) {
                throw new PyFormatException("IndexError", "string index out of range");
            }
            int at = s.offsetByCodePoints(0, (int) step.index);
            return new String(Character.toChars(s.codePointAt(at)));
        }
        if (value instanceof List || (value != null && value.getClass().isArray())) {
            if (!byInt) throw PyFormatException.typeError("list indices must be integers or slices, not str");
            int size = value instanceof List ? ((List<?>) value).size() : Array.getLength(value);
            if (step.index >= size) throw new PyFormatException("IndexError", "list index out of range");
            return value instanceof List ? ((List<?>) value).get((int) step.index) : Array.get(value, (int) step.index);
        }
        throw PyFormatException.typeError("'" + PyObjects.typeName(value) + "' object is not subscriptable");
    }
}
