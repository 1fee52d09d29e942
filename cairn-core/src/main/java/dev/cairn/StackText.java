package dev.cairn;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code stack_info} text of a record: the caller's stack, oldest frame first, under
 * Python's heading {@code Stack (most recent call last):}, with Java frames in place of
 * Python's {@code File "...", line N} lines.
 */
final class StackText {
    private StackText() {}

    /** The stack of the logging call's caller, skipping logging frames and {@code stacklevel - 1} more. */
    static String capture(int stacklevel) {
        List<StackWalker.StackFrame> frames = StackWalker.getInstance().walk(s -> s
                .dropWhile(f -> f.getClassName().equals(StackText.class.getName())
                        || CallerLocation.isBoundary(f.getClassName()))
                .skip(Math.max(0, stacklevel - 1))
                .collect(Collectors.toList()));
        StringBuilder sb = new StringBuilder("Stack (most recent call last):");
        for (int i = frames.size() - 1; i >= 0; i--) {
            sb.append("\n  at ").append(frames.get(i).toStackTraceElement());
        }
        return sb.toString();
    }
}
