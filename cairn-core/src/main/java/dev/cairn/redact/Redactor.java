package dev.cairn.redact;

import dev.cairn.LogRecord;
import dev.cairn.LogRecordFactory;
import dev.cairn.Logging;
import dev.cairn.context.Fields;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets and personal data in records before any filter, handler or formatter sees
 * them: it wraps the {@link Logging#setLogRecordFactory record factory}, so every record every
 * logger makes is checked once, whichever handlers it later reaches.
 *
 * <p>Two kinds of rule. <b>Names</b>: the whole value of an extra, context or fluent field
 * (or of a nested map entry) whose name contains one of the configured words, compared without
 * case, {@code -} or {@code _}, is replaced by the mask ({@code password}, {@code db_password},
 * {@code accessToken}, ...). <b>Patterns</b>: in the message, in exception messages and in
 * string values, matches are masked: e-mail addresses, card numbers (13-19 digits that pass
 * the Luhn check, so order numbers survive), {@code password=...}-style assignments, bearer and
 * basic credentials, JSON Web Tokens, passwords in URLs, and any regular expressions added.
 * The built-in patterns bound every repetition that could start anywhere, so a huge hostile
 * value costs linear time.
 *
 * <p>A record that needed masking is replaced by a copy whose {@code msg} is the masked
 * message with no arguments (as Python redaction filters set {@code record.msg} and clear
 * {@code record.args}), and whose exception, if its text held a secret, is a
 * {@link MaskedException} mirror. Immutable and thread-safe.
 */
public final class Redactor {
    public static final String DEFAULT_MASK = "***";
    /** The name words masked by default. */
    public static final List<String> DEFAULT_NAMES = List.of("password", "passwd", "pwd", "secret", "token", "apikey",
            "authorization", "cookie", "credential", "privatekey", "cardnumber", "cvv", "ssn");
    /** The built-in patterns, all on by default. */
    public static final List<String> BUILTINS = List.of("email", "card", "assignment", "bearer", "jwt", "url_password");

    private static final Set<String> OPTIONS = Set.of("names", "extra_names", "patterns", "builtins", "mask");
    private static final int MAX_DEPTH = 16;

    private final List<String> names;
    private final List<Rule> rules;
    private final String mask;

    /** Every default name and built-in pattern, masking with {@code ***}. */
    public Redactor() {
        this(Map.of());
    }

    /**
     * A redactor from options: {@code names} (replaces the default name words),
     * {@code extra_names} (adds to them), {@code builtins} (the built-in patterns to use, by
     * name; default all), {@code patterns} (more regular expressions; a match is masked whole),
     * {@code mask}.
     *
     * @throws IllegalArgumentException for an unknown option, built-in or a bad pattern
     */
    public Redactor(Map<String, ?> options) {
        for (String k : options.keySet()) {
            if (!OPTIONS.contains(k)) throw new IllegalArgumentException("unknown redaction option '" + k + "' (expected one of " + new java.util.TreeSet<>(OPTIONS) + ")");
        }
        this.mask = options.get("mask") != null ? options.get("mask").toString() : DEFAULT_MASK;
        List<String> n = new ArrayList<>();
        for (String s : list(options, "names", DEFAULT_NAMES)) n.add(normalise(s));
        for (String s : list(options, "extra_names", List.of())) n.add(normalise(s));
        this.names = List.copyOf(n);
        List<Rule> r = new ArrayList<>();
        for (String b : list(options, "builtins", BUILTINS)) r.add(builtin(b));
        for (String p : list(options, "patterns", List.of())) {
            try {
                r.add(new Rule(Pattern.compile(p), 0, false));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("bad redaction pattern '" + p + "': " + e.getDescription());
            }
        }
        this.rules = List.copyOf(r);
    }

    /** A pattern; {@code keep} leading groups are kept (the "password=" of an assignment), the rest masked. */
    private static final class Rule {
        final Pattern pattern;
        final int keepGroup;
        final boolean luhn;

        Rule(Pattern pattern, int keepGroup, boolean luhn) {
            this.pattern = pattern;
            this.keepGroup = keepGroup;
            this.luhn = luhn;
        }
    }

    private static Rule builtin(String name) {
        switch (name) {
            case "email":
                return new Rule(Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}"), 0, false);
            case "card":
                return new Rule(Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])"), 0, true);
            case "assignment":
                return new Rule(Pattern.compile("(?i)(\\b(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key"
                        + "|client[_-]?secret|private[_-]?key)[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',;&}]+"), 1, false);
            case "bearer":
                return new Rule(Pattern.compile("(?i)(\\b(?:bearer|basic)\\s{1,8})[A-Za-z0-9\\-._~+/]+=*"), 1, false);
            case "jwt":
                return new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"), 0, false);
            case "url_password":
                return new Rule(Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]{0,31}://[^/\\s:@]{1,256}:)[^@\\s/]{1,256}(?=@)"), 1, false);
            default:
                throw new IllegalArgumentException("unknown built-in redaction '" + name + "' (expected one of " + BUILTINS + ")");
        }
    }

    // ---- installing ---------------------------------------------------------------------------

    /** Makes every record from now on pass through this redactor (wrapping the current record factory). */
    public void install() {
        Logging.setLogRecordFactory(wrap(Logging.getLogRecordFactory()));
    }

    /** A record factory that makes records with {@code next} and returns masked copies when needed. */
    public LogRecordFactory wrap(LogRecordFactory next) {
        return (name, level, location, msg, args, excInfo, stackInfo, extra, fields, context, created) -> {
            LogRecord record = next.create(name, level, location, msg, args, excInfo, stackInfo, extra, fields, context, created);
            return redact(record);
        };
    }

    /** {@code record} itself when nothing in it needs masking, else a masked copy. */
    public LogRecord redact(LogRecord record) {
        String newMsg = null;
        Object[] newArgs = record.getArgs();
        try {
            String message = record.getMessage();
            String masked = redact(message);
            if (!masked.equals(message)) {
                newMsg = masked;
                newArgs = null;
            }
        } catch (RuntimeException badArguments) {
            // The handler will report the mismatch, printing msg and args: mask those instead.
            newMsg = redact(String.valueOf(record.getMsg()));
            newArgs = record.getArgs().clone();
            for (int i = 0; i < newArgs.length; i++) newArgs[i] = redactValue("", newArgs[i], 0);
        }
        Map<String, Object> extra = redactMap(record.getExtra(), 0);
        Fields fields = redactFields(record.getFields());
        Fields context = redactFields(record.getContext());
        Throwable error = record.getExcInfo() == null ? null : redactThrowable(record.getExcInfo(), new IdentityHashMap<>());
        if (newMsg == null && extra == record.getExtra() && fields == record.getFields()
                && context == record.getContext() && error == record.getExcInfo()) {
            return record;
        }
        LogRecord copy = new LogRecord(record.getName(), record.getLevelno(), record.getLocation(),
                newMsg != null ? newMsg : record.getMsg(), newArgs, error, record.getStackInfo(),
                extra.isEmpty() ? null : extra, fields, context, record.getCreated());
        return copy;
    }

    // ---- masking values -----------------------------------------------------------------------

    /** {@code text} with every pattern match masked; the same instance when nothing matched. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        String s = text;
        for (Rule rule : rules) {
            Matcher m = rule.pattern.matcher(s);
            if (!m.find()) continue;
            StringBuilder sb = new StringBuilder(s.length());
            int last = 0;
            do {
                if (rule.luhn && !luhn(m.group())) continue;
                sb.append(s, last, m.start());
                if (rule.keepGroup > 0) sb.append(m.group(rule.keepGroup));
                sb.append(mask);
                last = m.end();
            } while (m.find());
            if (last == 0) continue;
            sb.append(s, last, s.length());
            s = sb.toString();
        }
        return s;
    }

    /** Whether a field of this name is masked whole. */
    public boolean isSecretName(String name) {
        String n = normalise(name);
        for (String word : names) {
            if (n.contains(word)) return true;
        }
        return false;
    }

    private Object redactValue(String key, Object value, int depth) {
        if (value == null) return null;
        if (isSecretName(key)) return mask;
        if (depth >= MAX_DEPTH) return value;
        if (value instanceof String) return redact((String) value);
        if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
            // A card number given as a long is still a card number.
            if (value instanceof Long || value instanceof java.math.BigInteger) {
                String digits = value.toString();
                String masked = redact(digits);
                return masked.equals(digits) ? value : masked;
            }
            return value;
        }
        if (value instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<Object, Object> map = (Map<Object, Object>) value;
            Map<Object, Object> out = null;
            for (Map.Entry<Object, Object> e : map.entrySet()) {
                Object v = redactValue(String.valueOf(e.getKey()), e.getValue(), depth + 1);
                if (v != e.getValue() && out == null) out = new LinkedHashMap<>(map);
                if (out != null) out.put(e.getKey(), v);
            }
            return out != null ? out : value;
        }
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            List<Object> out = null;
            for (int i = 0; i < list.size(); i++) {
                Object v = redactValue("", list.get(i), depth + 1);
                if (v != list.get(i) && out == null) out = new ArrayList<>(list);
                if (out != null) out.set(i, v);
            }
            return out != null ? out : value;
        }
        String text;
        try {
            text = String.valueOf(value);
        } catch (RuntimeException e) {
            return value;
        }
        String masked = redact(text);
        return masked.equals(text) ? value : masked;
    }

    private Map<String, Object> redactMap(Map<String, Object> map, int depth) {
        if (map.isEmpty()) return map;
        Map<String, Object> out = null;
        for (Map.Entry<String, Object> e : map.entrySet()) {
            Object v = redactValue(e.getKey(), e.getValue(), depth);
            if (v != e.getValue() && out == null) out = new LinkedHashMap<>(map);
            if (out != null) out.put(e.getKey(), v);
        }
        return out != null ? out : map;
    }

    private Fields redactFields(Fields fields) {
        Fields out = fields;
        for (int i = 0; i < fields.size(); i++) {
            Object v = redactValue(fields.keyAt(i), fields.valueAt(i), 0);
            if (v != fields.valueAt(i)) out = out.with(fields.keyAt(i), v);
        }
        return out;
    }

    /** {@code t} itself when no message in its chain needs masking, else a {@link MaskedException} mirror. */
    private Throwable redactThrowable(Throwable t, IdentityHashMap<Throwable, Throwable> done) {
        if (done.containsKey(t)) return done.get(t);
        done.put(t, t);
        String message = t.getMessage();
        String masked = redact(message);
        Throwable cause = t.getCause() == null ? null : redactThrowable(t.getCause(), done);
        Throwable[] suppressed = t.getSuppressed();
        Throwable[] maskedSuppressed = new Throwable[suppressed.length];
        boolean changed = masked != message || cause != t.getCause();
        for (int i = 0; i < suppressed.length; i++) {
            maskedSuppressed[i] = redactThrowable(suppressed[i], done);
            changed |= maskedSuppressed[i] != suppressed[i];
        }
        if (!changed) return t;
        MaskedException copy = new MaskedException(MaskedException.typeName(t), masked, t.getStackTrace());
        done.put(t, copy);
        if (cause != null) copy.initCause(cause);
        for (Throwable s : maskedSuppressed) copy.addSuppressed(s);
        return copy;
    }

    /** The Luhn checksum of the digits in {@code text}. */
    static boolean luhn(String text) {
        int sum = 0;
        boolean second = false;
        int digits = 0;
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') continue;
            int d = c - '0';
            if (second) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            second = !second;
            digits++;
        }
        return digits >= 13 && sum % 10 == 0;
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    private static List<String> list(Map<String, ?> options, String key, List<String> fallback) {
        Object v = options.get(key);
        if (v == null) return fallback;
        if (!(v instanceof List)) throw new IllegalArgumentException(key + " must be a list, got " + v);
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) v) out.add(String.valueOf(o));
        return out;
    }
}
