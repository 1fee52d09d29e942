package dev.cairn.json;

/** A line that is not the JSON {@link JsonLogParser} expects; the message gives the offset. */
public class JsonParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public JsonParseException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** The character offset in the text where reading failed. */
    public int getOffset() {
        return offset;
    }
}
