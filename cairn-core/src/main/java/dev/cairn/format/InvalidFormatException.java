package dev.cairn.format;

/**
 * A log format rejected at compile time by the checks of CPython's {@code PercentStyle},
 * {@code StrFormatStyle} or {@code StringTemplateStyle.validate}. {@link #pythonMessage()} is
 * Python's exact text; {@link #getMessage()} adds the format when Python's text lacks it.
 */
public final class InvalidFormatException extends IllegalArgumentException {
    private final String pythonMessage;
    private final String format;

    /** An error for {@code format} with Python's message, which may already quote the format. */
    InvalidFormatException(String pythonMessage, String format, boolean messageQuotesFormat) {
        super(messageQuotesFormat ? pythonMessage : pythonMessage + " in format " + PyObjects.repr(format));
        this.pythonMessage = pythonMessage;
        this.format = format;
    }

    /** Python's {@code ValueError} text, such as {@code invalid format: no fields}. */
    public String pythonMessage() {
        return pythonMessage;
    }

    /** The rejected format text. */
    public String format() {
        return format;
    }
}
