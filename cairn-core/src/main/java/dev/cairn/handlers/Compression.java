package dev.cairn.handlers;

/**
 * How a rotating handler compresses the files it rotates (see
 * {@link BaseRotatingHandler#setCompression}). Python has no built-in compression; its cookbook
 * uses a namer and a rotator, which is what {@link #GZIP} does, off the logging thread.
 */
public enum Compression {
    /** Rotated files stay as they are, as in Python. */
    NONE,
    /** Rotated files are gzipped (the JDK's deflate) and gain the suffix {@code .gz}. */
    GZIP;

    /** The compression named in a configuration: {@code none} or {@code gzip}, any case. */
    public static Compression parse(String name) {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "none": return NONE;
            case "gzip": case "gz": return GZIP;
            default: throw new IllegalArgumentException("unknown compression '" + name + "' (expected gzip or none)");
        }
    }
}
