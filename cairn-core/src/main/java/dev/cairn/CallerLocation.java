package dev.cairn;

/**
 * Where a logging call was made: the first stack frame outside Cairn's own logging classes,
 * reported with Python's attribute names. Captured only when a formatter on the record's path
 * asks for one of these fields, because walking the stack costs microseconds.
 */
public final class CallerLocation {
    /** What Python's findCaller reports when it cannot find a frame. */
    public static final CallerLocation UNKNOWN =
            new CallerLocation("(unknown file)", "(unknown file)", "(unknown file)", 0, "(unknown function)", null);

    private static final java.util.Set<String> boundaries = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final StackWalker WALKER = StackWalker.getInstance();

    static {
        boundaries.add(Logger.class.getName());
        boundaries.add(LoggerAdapter.class.getName());
        boundaries.add(LogCall.class.getName());
        boundaries.add(Logging.class.getName());
        boundaries.add(CallerLocation.class.getName());
    }

    public final String pathname;
    public final String filename;
    public final String module;
    public final int lineno;
    public final String funcName;
    public final String className;

    private CallerLocation(String pathname, String filename, String module, int lineno, String funcName, String className) {
        this.pathname = pathname;
        this.filename = filename;
        this.module = module;
        this.lineno = lineno;
        this.funcName = funcName;
        this.className = className;
    }

    /**
     * Declares a class whose frames are part of a logging facade (an SLF4J adapter, a bridge), so
     * the caller reported is the code that called it, as Python skips frames of logging's own file.
     */
    public static void addBoundary(String className) {
        boundaries.add(className);
    }

    static boolean isBoundary(String className) {
        return boundaries.contains(className);
    }

    /**
     * The caller of the logging call, skipping logging frames and then {@code stacklevel - 1}
     * further frames, as Python's {@code findCaller(stacklevel=...)} does. Must be called from a
     * boundary class with only boundary frames above it.
     */
    public static CallerLocation find(int stacklevel) {
        int skip = Math.max(0, stacklevel - 1);
        StackWalker.StackFrame frame = WALKER.walk(frames -> frames
                .dropWhile(f -> boundaries.contains(f.getClassName()))
                .skip(skip)
                .findFirst()
                .orElse(null));
        return frame == null ? UNKNOWN : of(frame.getClassName(), frame.getMethodName(), frame.getFileName(), frame.getLineNumber());
    }

    /**
     * A location from its parts. The pathname is the source path relative to the source root
     * ({@code com/example/Main.java}), the closest a JVM gets to Python's file path.
     */
    public static CallerLocation of(String className, String methodName, String fileName, int line) {
        String file = fileName != null ? fileName : simpleName(className) + ".java";
        int lastDot = className.lastIndexOf('.');
        String pathname = lastDot < 0 ? file : className.substring(0, lastDot).replace('.', '/') + "/" + file;
        int ext = file.lastIndexOf('.');
        String module = ext > 0 ? file.substring(0, ext) : file;
        return new CallerLocation(pathname, file, module, Math.max(line, 0), methodName, className);
    }

    private static String simpleName(String className) {
        String name = className.substring(className.lastIndexOf('.') + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }
}
