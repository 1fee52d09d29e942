package dev.cairn.yaml;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Plain scalars typed as PyYAML's {@code yaml.safe_load} types them (YAML 1.1, PyYAML's
 * {@code resolver.py} and {@code constructor.py}), not as YAML 1.2: {@code yes}/{@code no}/
 * {@code on}/{@code off} are booleans, {@code 010} is octal, {@code 1e3} is a string (PyYAML's
 * float needs a dot), {@code ~} and an empty value are null, {@code <<} merges. So a file reads
 * the same in a Python service and a Java one. Timestamps, which PyYAML turns into datetimes,
 * stay strings.
 */
final class PyYamlScalars implements Schema, ScalarResolver {
    static final Tag MERGE = new Tag(Tag.PREFIX + "merge");

    private static final Pattern BOOL = Pattern.compile("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
            + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            + "|[-+]?\\.(?:inf|Inf|INF)"
            + "|\\.(?:nan|NaN|NAN)");
    private static final Pattern INT = Pattern.compile("[-+]?0b[0-1_]+"
            + "|[-+]?0[0-7_]+"
            + "|[-+]?(?:0|[1-9][0-9_]*)"
            + "|[-+]?0x[0-9a-fA-F_]+"
            + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");

    @Override
    public ScalarResolver getScalarResolver() {
        return this;
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        return Map.of();
    }

    @Override
    public Tag resolve(String value, Boolean implicit) {
        if (!implicit) return Tag.STR;
        if (BOOL.matcher(value).matches()) return Tag.BOOL;
        if (INT.matcher(value).matches()) return Tag.INT;
        if (FLOAT.matcher(value).matches()) return Tag.FLOAT;
        if (NULL.matcher(value).matches()) return Tag.NULL;
        if (value.equals("<<")) return MERGE;
        return Tag.STR;
    }

    /** PyYAML's {@code construct_yaml_bool}. */
    static Boolean bool(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("yes") || v.equals("true") || v.equals("on")) return Boolean.TRUE;
        if (v.equals("no") || v.equals("false") || v.equals("off")) return Boolean.FALSE;
        throw new IllegalArgumentException("not a boolean: '" + value + "'");
    }

    /** PyYAML's {@code construct_yaml_int}: underscores, signs, 0b, 0x, leading-zero octal, base 60. */
    static Object integer(String value) {
        String v = value.replace("_", "");
        int sign = 1;
        if (v.startsWith("-")) {
            sign = -1;
            v = v.substring(1);
        } else if (v.startsWith("+")) {
            v = v.substring(1);
        }
        BigInteger n;
        if (v.equals("0")) {
            n = BigInteger.ZERO;
        } else if (v.startsWith("0b")) {
            n = new BigInteger(v.substring(2), 2);
        } else if (v.startsWith("0x")) {
            n = new BigInteger(v.substring(2), 16);
        } else if (v.startsWith("0")) {
            n = new BigInteger(v, 8);
        } else if (v.contains(":")) {
            n = BigInteger.ZERO;
            for (String part : v.split(":")) n = n.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
        } else {
            n = new BigInteger(v);
        }
        if (sign < 0) n = n.negate();
        if (n.bitLength() < 32) return n.intValue();
        if (n.bitLength() < 64) return n.longValue();
        return n;
    }

    /** PyYAML's {@code construct_yaml_float}. */
    static Double floating(String value) {
        String v = value.replace("_", "").toLowerCase(Locale.ROOT);
        double sign = 1;
        if (v.startsWith("-")) {
            sign = -1;
            v = v.substring(1);
        } else if (v.startsWith("+")) {
            v = v.substring(1);
        }
        if (v.equals(".inf")) return sign * Double.POSITIVE_INFINITY;
        if (v.equals(".nan")) return Double.NaN;
        if (v.contains(":")) {
            double n = 0;
            for (String part : v.split(":")) n = n * 60 + Double.parseDouble(part);
            return sign * n;
        }
        return sign * Double.parseDouble(v);
    }
}
