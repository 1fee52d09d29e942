package dev.cairn.json;

/** A line that is not the JSON {@link JsonLogParser} expects; the message gives the offset. */
public class JsonParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String problem;
    private final int offset;

    /** {@code problem} says what is wrong; the message adds the offset. */
    public JsonParseException(String problem, int offset) {
        super(problem + " at offset " + offset);
        this.problem = problem;
        this.offset = offset;
    }

    /** What is wrong, without the position. */
    public String getProblem() {
        return problem;
    }

    /** The character offset in the text where reading failed. */
    public int getOffset() {
        return offset;
    }
}
