package dev.cairn.format;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * How Java numbers stand in for Python's {@code int} and {@code float}: which values count as
 * ints (bool included, as in Python), and the conversions {@code int(x)} and {@code float(x)}
 * that printf conversions and format specs apply, with Python's errors.
 */
final class PyNumbers {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private PyNumbers() {
    }

    /** Whether Python sees an {@code int}: Java integral numbers and Boolean (bool subclasses int). */
    static boolean isInt(Object value) {
        return PyObjects.isInteger(value) || value instanceof Boolean;
    }

    /** Whether Python sees a {@code float}. */
    static boolean isFloat(Object value) {
        return value instanceof Double || value instanceof Float;
    }

    /** Whether the int value fits a long, so the fast path applies. */
    static boolean fitsLong(Object intValue) {
        if (!(intValue instanceof BigInteger)) return true;
        BigInteger big = (BigInteger) intValue;
        return big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0;
    }

    /** The long value of an int (see {@link #isInt}); callers check {@link #fitsLong} first. */
    static long longValue(Object intValue) {
        if (intValue instanceof Boolean) return (Boolean) intValue ? 1 : 0;
        return ((Number) intValue).longValue();
    }

    /** The value of an int as BigInteger. */
    static BigInteger bigValue(Object intValue) {
        if (intValue instanceof BigInteger) return (BigInteger) intValue;
        return BigInteger.valueOf(longValue(intValue));
    }

    /** The double of a float (Float widened through its shortest decimal). */
    static double doubleValue(Object floatValue) {
        if (floatValue instanceof Float) return FloatText.widen((Float) floatValue);
        return (Double) floatValue;
    }

    /**
     * Python's {@code float(x)} for a number: ints (OverflowError past the double range),
     * floats, Decimals; null when {@code x} is not a number.
     */
    static Double toDouble(Object value) {
        if (isFloat(value)) return doubleValue(value);
        if (value instanceof BigInteger) {
            double d = ((BigInteger) value).doubleValue();
            if (Double.isInfinite(d)) throw new PyFormatException("OverflowError", "int too large to convert to float");
            return d;
        }
        if (isInt(value)) return (double) longValue(value);
        if (value instanceof BigDecimal) return Double.parseDouble(value.toString());
        return null;
    }

    /**
     * Python's {@code int(x)} for a real number (printf {@code %d} accepts floats and Decimals and
     * truncates them); null when {@code x} is not a number.
     */
    static Object toInt(Object value) {
        if (isInt(value)) return value;
        if (isFloat(value)) {
            double d = doubleValue(value);
            if (Math.abs(d) < 0x1p62) return (long) d;
            return FloatText.truncate(d);
        }
        if (value instanceof BigDecimal) return ((BigDecimal) value).toBigInteger();
        return null;
    }

    /** The digits of |value| in the radix, lower case. */
    static String magnitudeDigits(Object intValue, int radix) {
        if (fitsLong(intValue)) {
            long v = longValue(intValue);
            // -Long.MIN_VALUE overflows to itself, which reads correctly as unsigned.
            return Long.toUnsignedString(v < 0 ? -v : v, radix);
        }
        return bigValue(intValue).abs().toString(radix);
    }

    /** Whether the int value is negative. */
    static boolean isNegative(Object intValue) {
        if (fitsLong(intValue)) return longValue(intValue) < 0;
        return bigValue(intValue).signum() < 0;
    }
}
