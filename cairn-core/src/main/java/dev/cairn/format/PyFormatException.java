package dev.cairn.format;

/**
 * A formatting error as Python raises it: {@link #pythonType()} names the Python exception class
 * ({@code TypeError}, {@code ValueError}, {@code KeyError}, ...) and {@link #getMessage()} is
 * Python's exact text, so {@code pythonType() + ": " + getMessage()} reads like the traceback line.
 */
public final class PyFormatException extends IllegalArgumentException {
    private final String pythonType;

    /** An error of the given Python exception class with Python's message text. */
    public PyFormatException(String pythonType, String message) {
        super(message);
        this.pythonType = pythonType;
    }

    /** A {@code TypeError} with Python's message. */
    public static PyFormatException typeError(String message) {
        return new PyFormatException("TypeError", message);
    }

    /** A {@code ValueError} with Python's message. */
    public static PyFormatException valueError(String message) {
        return new PyFormatException("ValueError", message);
    }

    /** Python's {@code KeyError(key)}, whose str() is the repr of the key: {@code 'user'}. */
    public static PyFormatException keyError(Object key) {
        return new PyFormatException("KeyError", PyObjects.repr(key));
    }

    /** The Python exception class name, such as {@code TypeError}. */
    public String pythonType() {
        return pythonType;
    }

    /** Whether this is Python's {@code KeyError}, the error for a missing mapping key or field. */
    public boolean isKeyError() {
        return "KeyError".equals(pythonType);
    }

    /**
     * The error Python's logging reports for this one while formatting a record:
     * {@code PercentStyle.format} turns a KeyError into
     * {@code ValueError: Formatting field not found in record: 'name'}; other errors stay as they are.
     */
    public PyFormatException asRecordFormatError() {
        if (!isKeyError()) return this;
        PyFormatException wrapped = valueError("Formatting field not found in record: " + getMessage());
        wrapped.initCause(this);
        return wrapped;
    }

    /** Python's type name for a Java value, as it appears in messages like {@code not str}. */
    static String typeName(Object value) {
        return PyObjects.typeName(value);
    }
}
