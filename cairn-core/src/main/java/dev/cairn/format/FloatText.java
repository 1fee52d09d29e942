package dev.cairn.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's float-to-text conversions ({@code PyOS_double_to_string}): the shortest round-trip
 * {@code repr} and the correctly rounded {@code e}, {@code f}, {@code g} forms. Every method
 * writes the magnitude only; callers add the sign, so {@code -0.0} and rounding-to-zero keep
 * Python's sign handling in one place.
 */
final class FloatText {
    /** repr switches to exponent form outside this decimal-point range (float_repr_style 'short'). */
    private static final int REPR_EXP_HIGH = 16;
    private static final int REPR_EXP_LOW = -4;

    private FloatText() {
    }

    /** Python's {@code repr(float)} of any double, with sign, {@code inf}, {@code nan}. */
    static void appendRepr(StringBuilder out, double value) {
        if (Double.isNaN(value)) {
            out.append("nan");
            return;
        }
        if (isNegative(value)) out.append('-');
        appendMagnitude(out, Math.abs(value), 'r', -1, false, true);
    }

    /** Whether Python prints a minus sign for this value: true for negatives and {@code -0.0}. */
    static boolean isNegative(double value) {
        return value < 0 || (value == 0 && 1 / value < 0);
    }

    /** A Java {@code float} as the double Python would hold after {@code float(str(f))}. */
    static double widen(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value) || value == 0) return value;
        // Widening the binary value directly would print 0.1f as 0.10000000149011612.
        return Double.parseDouble(shortest(new BigDecimal(Math.abs(value)), Math.abs(value), 9, true).toString())
                * Math.signum(value);
    }

    /**
     * Appends the magnitude of {@code abs} (non-negative or NaN) in Python's presentation
     * {@code type}: {@code e E f F g G %} or {@code r} (repr). A negative {@code precision} means
     * the type's default; {@code alt} is the {@code #} flag; {@code addDot0} makes integral fixed
     * results end in {@code .0} as {@code str.format} does with no type.
     */
    static void appendMagnitude(StringBuilder out, double abs, char type, int precision, boolean alt, boolean addDot0) {
        boolean upper = type == 'E' || type == 'F' || type == 'G';
        if (Double.isNaN(abs) || Double.isInfinite(abs)) {
            out.append(Double.isNaN(abs) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
            if (type == '%') out.append('%');
            return;
        }
        switch (type) {
            case 'e': case 'E':
                appendExponent(out, abs, precision < 0 ? 6 : precision, alt, upper);
                break;
            case 'f': case 'F':
                appendFixed(out, new BigDecimal(abs), precision < 0 ? 6 : precision, alt);
                break;
            case '%':
                // format_float_internal multiplies the double, rounding included, before formatting.
                appendFixed(out, new BigDecimal(abs * 100), precision < 0 ? 6 : precision, alt);
                out.append('%');
                break;
            case 'g': case 'G':
                appendGeneral(out, abs, precision < 0 ? 6 : precision, alt, upper, addDot0);
                break;
            default:
                appendShortest(out, abs, alt, addDot0);
        }
    }

    private static void appendFixed(StringBuilder out, BigDecimal exact, int fractionDigits, boolean alt) {
        String digits = exact.setScale(fractionDigits, RoundingMode.HALF_EVEN).unscaledValue().toString();
        int intLength = digits.length() - fractionDigits;
        if (intLength <= 0) {
            out.append('0');
            if (fractionDigits > 0 || alt) out.append('.');
            for (int i = intLength; i < 0; i++) out.append('0');
            out.append(digits);
            return;
        }
        out.append(digits, 0, intLength);
        if (fractionDigits > 0 || alt) out.append('.');
        out.append(digits, intLength, digits.length());
    }

    private static void appendExponent(StringBuilder out, double abs, int precision, boolean alt, boolean upper) {
        int exponent = 0;
        String digits;
        if (abs == 0) {
            digits = "0";
        } else {
            BigDecimal rounded = new BigDecimal(abs).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            digits = rounded.unscaledValue().toString();
            exponent = digits.length() - rounded.scale() - 1;
        }
        out.append(digits.charAt(0));
        if (precision > 0 || alt) out.append('.');
        out.append(digits, 1, Math.min(digits.length(), precision + 1));
        for (int i = digits.length(); i < precision + 1; i++) out.append('0');
        appendExponentSuffix(out, exponent, upper);
    }

    private static void appendExponentSuffix(StringBuilder out, int exponent, boolean upper) {
        out.append(upper ? 'E' : 'e').append(exponent < 0 ? '-' : '+');
        int e = Math.abs(exponent);
        if (e < 10) out.append('0');
        out.append(e);
    }

    private static void appendGeneral(StringBuilder out, double abs, int precision, boolean alt, boolean upper, boolean addDot0) {
        int p = precision == 0 ? 1 : precision;
        String digits;
        int decpt;
        if (abs == 0) {
            digits = "0";
            decpt = 1;
        } else {
            BigDecimal rounded = new BigDecimal(abs).round(new MathContext(p, RoundingMode.HALF_EVEN));
            digits = rounded.unscaledValue().toString();
            decpt = digits.length() - rounded.scale();
        }
        if (!alt) digits = stripTrailingZeros(digits);
        else digits = padRight(digits, p);
        int exponent = decpt - 1;
        // format_float_short: fixed when -4 <= exp < precision, as C's %g; one digit less room when
        // a '.0' will be added, so the result never shows more digits than the precision.
        if (exponent >= -4 && exponent < (addDot0 ? p - 1 : p)) {
            appendDigitsFixed(out, digits, decpt, alt, addDot0);
        } else {
            appendDigitsExponent(out, digits, exponent, alt, upper);
        }
    }

    private static void appendShortest(StringBuilder out, double abs, boolean alt, boolean addDot0) {
        if (abs == 0) {
            out.append(addDot0 ? "0.0" : alt ? "0." : "0");
            return;
        }
        if (abs < 1e16 && abs == Math.rint(abs) && !alt) {
            // Integral values below 2^53-ish print as their digits: the common case, without BigDecimal.
            out.append((long) abs);
            if (addDot0) out.append(".0");
            return;
        }
        BigDecimal shortest = shortest(new BigDecimal(abs), abs, 17, false);
        String digits = stripTrailingZeros(shortest.unscaledValue().toString());
        int decpt = shortest.precision() - shortest.scale();
        if (decpt > REPR_EXP_LOW && decpt <= REPR_EXP_HIGH) {
            appendDigitsFixed(out, digits, decpt, alt, addDot0);
        } else {
            appendDigitsExponent(out, digits, decpt - 1, alt, false);
        }
    }

    /** Writes 0.DIGITS x 10^decpt in fixed notation. */
    private static void appendDigitsFixed(StringBuilder out, String digits, int decpt, boolean alt, boolean addDot0) {
        if (decpt <= 0) {
            out.append("0.");
            for (int i = decpt; i < 0; i++) out.append('0');
            out.append(digits);
            return;
        }
        if (decpt >= digits.length()) {
            out.append(digits);
            for (int i = digits.length(); i < decpt; i++) out.append('0');
            if (alt || addDot0) out.append('.');
            if (addDot0) out.append('0');
            return;
        }
        out.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
    }

    private static void appendDigitsExponent(StringBuilder out, String digits, int exponent, boolean alt, boolean upper) {
        out.append(digits.charAt(0));
        if (digits.length() > 1 || alt) out.append('.');
        out.append(digits, 1, digits.length());
        appendExponentSuffix(out, exponent, upper);
    }

    /**
     * The shortest decimal that reads back as {@code value}, nearest to the exact binary value
     * among equally short ones (dtoa mode 0). JDK 17's {@code Double.toString} always reads back
     * but is sometimes a digit too long or not the nearest (JDK-4511638), so its length only
     * bounds the search; candidates are rounded from the exact value and checked by parsing back.
     */
    static BigDecimal shortest(BigDecimal exact, double value, int maxDigits, boolean asFloat) {
        BigDecimal jdk = new BigDecimal(asFloat ? Float.toString((float) value) : Double.toString(value));
        int hi = Math.min(maxDigits, jdk.stripTrailingZeros().precision());
        if (hi > 1 && roundTripping(exact, value, hi - 1, asFloat) != null) {
            // Round-tripping is monotone in the digit count, so binary search finds the minimum.
            int lo = 1;
            hi--;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (roundTripping(exact, value, mid, asFloat) != null) hi = mid;
                else lo = mid + 1;
            }
        }
        BigDecimal best = roundTripping(exact, value, hi, asFloat);
        return best != null ? best : jdk;
    }

    private static BigDecimal roundTripping(BigDecimal exact, double value, int digits, boolean asFloat) {
        // Nearest first; near powers of two the round-trip interval is lopsided, so also try the
        // other neighbour.
        RoundingMode[] modes = {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING};
        for (RoundingMode mode : modes) {
            BigDecimal candidate = exact.round(new MathContext(digits, mode));
            String text = candidate.toString();
            double back = asFloat ? Float.parseFloat(text) : Double.parseDouble(text);
            if (back == value) return candidate;
        }
        return null;
    }

    private static String stripTrailingZeros(String digits) {
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') end--;
        return digits.substring(0, end);
    }

    private static String padRight(String digits, int length) {
        if (digits.length() >= length) return digits;
        StringBuilder sb = new StringBuilder(length).append(digits);
        while (sb.length() < length) sb.append('0');
        return sb.toString();
    }

    /** Python's {@code int(float)}: truncation, with its errors for infinity and NaN. */
    static BigInteger truncate(double value) {
        if (Double.isNaN(value)) throw PyFormatException.valueError("cannot convert float NaN to integer");
        if (Double.isInfinite(value)) {
            throw new PyFormatException("OverflowError", "cannot convert float infinity to integer");
        }
        return new BigDecimal(value).toBigInteger();
    }
}
