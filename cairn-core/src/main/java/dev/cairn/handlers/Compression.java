package dev.cairn.handlers;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

/**
 * How a rotating handler compresses the files it rotates (see
 * {@link BaseRotatingHandler#setCompression}). Python has no built-in compression; its cookbook
 * uses a namer and a rotator, which is what a compression does, off the logging thread.
 *
 * <p>cairn-core has {@link #NONE} and {@link #GZIP} (the JDK's deflate). Other codecs come from
 * modules on the class path that register a subclass with {@link ServiceLoader} (cairn-zstd
 * adds {@code zstd}); {@link #parse} finds them by name. A codec is stateless and shared.
 */
public abstract class Compression {
    /** Rotated files stay as they are, as in Python. */
    public static final Compression NONE = new Compression("none", "") {
        @Override
        public OutputStream compress(OutputStream out) {
            return out;
        }
    };

    /** Rotated files are gzipped and gain the suffix {@code .gz}. */
    public static final Compression GZIP = new Compression("gzip", ".gz", "gz") {
        @Override
        public OutputStream compress(OutputStream out) throws IOException {
            return new GZIPOutputStream(out, 1 << 16);
        }
    };

    private final String name;
    private final String suffix;
    private final Set<String> aliases;

    /**
     * A codec called {@code name} (and {@code aliases}) in configurations, whose files gain
     * {@code suffix} (with its dot).
     */
    protected Compression(String name, String suffix, String... aliases) {
        this.name = name;
        this.suffix = suffix;
        this.aliases = Set.of(aliases);
    }

    /**
     * A stream that writes the compressed form of what is written to it into {@code out};
     * closing it ends the compressed data and closes {@code out}.
     */
    public abstract OutputStream compress(OutputStream out) throws IOException;

    /** The name a configuration gives: {@code gzip}. */
    public final String name() {
        return name;
    }

    /** What a compressed file's name gains: {@code .gz}. */
    public final String suffix() {
        return suffix;
    }

    /**
     * The compression named in a configuration, any case: {@code none}, {@code gzip} (or
     * {@code gz}), or a codec registered by a module on the class path.
     *
     * @throws IllegalArgumentException naming the codecs known here when none has that name
     */
    public static Compression parse(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        Set<String> known = new TreeSet<>();
        for (Compression c : available()) {
            if (c.name.equals(wanted) || c.aliases.contains(wanted)) return c;
            known.add(c.name);
        }
        String hint = wanted.equals("zstd") || wanted.equals("zst") ? "; zstd needs the cairn-zstd module on the class path" : "";
        throw new IllegalArgumentException("unknown compression '" + name + "' (expected one of " + String.join(", ", known) + hint + ")");
    }

    private static Iterable<Compression> available() {
        java.util.List<Compression> all = new java.util.ArrayList<>(java.util.List.of(NONE, GZIP));
        for (Compression c : ServiceLoader.load(Compression.class, Compression.class.getClassLoader())) all.add(c);
        return all;
    }

    @Override
    public String toString() {
        return name;
    }
}
