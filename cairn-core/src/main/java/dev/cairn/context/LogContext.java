package dev.cairn.context;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Named values that follow the work: whatever is put here on a thread appears on every record
 * logged on that thread until it is removed (Python's {@code contextvars} as used by
 * structlog, SLF4J's MDC). The current context is an immutable {@link Fields} held in a
 * {@code ThreadLocal}; every change replaces it, so a record keeps the reference it found when
 * it was made and later changes never show in it.
 *
 * <p>Scopes undo their changes: {@code try (var s = LogContext.with("request_id", id)) {...}}
 * restores the whole previous context when closed. A context does not cross threads by itself
 * (it is deliberately not inheritable, so pooled threads never keep a stale one); carry it with
 * the {@code wrap} methods, which capture the caller's context and install it around the task.
 *
 * <p>All methods act on the calling thread only and are thread-safe in that sense.
 */
public final class LogContext {
    private static final ThreadLocal<Fields> CURRENT = new ThreadLocal<>();

    /**
     * False until the first change anywhere, so a process that never uses a context pays one
     * volatile read per record instead of a thread-local lookup.
     */
    private static volatile boolean used;

    private LogContext() {}

    /** The current thread's context; {@link Fields#EMPTY} when nothing was put. Never null. */
    public static Fields current() {
        if (!used) return Fields.EMPTY;
        Fields f = CURRENT.get();
        return f != null ? f : Fields.EMPTY;
    }

    /** Sets {@code key} to {@code value} on this thread; a null value removes the key. */
    public static void put(String key, Object value) {
        if (value == null) {
            remove(key);
        } else {
            set(current().with(key, value));
        }
    }

    /** Sets every entry of {@code values}. */
    public static void putAll(Map<String, ?> values) {
        set(current().withAll(values));
    }

    /** The value of {@code key}, or null. */
    public static Object get(String key) {
        return current().get(key);
    }

    /** Removes {@code key} from this thread's context. */
    public static void remove(String key) {
        set(current().without(key));
    }

    /** Empties this thread's context (and releases its thread-local slot). */
    public static void clear() {
        CURRENT.remove();
    }

    /** The current context as an immutable map, in insertion order; the same as {@link #current()}. */
    public static Map<String, Object> snapshot() {
        return current();
    }

    /** Replaces this thread's context with {@code snapshot} (a map from {@link #snapshot()}); null or empty clears it. */
    public static void restore(Map<String, ?> snapshot) {
        set(Fields.of(snapshot));
    }

    /** Saves the current context; closing the scope restores it, undoing every change made meanwhile. */
    public static Scope scope() {
        return new Scope(current());
    }

    /** Sets {@code key} for the duration of a try-with-resources block. */
    public static Scope with(String key, Object value) {
        Scope scope = scope();
        put(key, value);
        return scope;
    }

    /** Sets every entry of {@code values} for the duration of a try-with-resources block. */
    public static Scope with(Map<String, ?> values) {
        Scope scope = scope();
        putAll(values);
        return scope;
    }

    /** Installs {@code context} and returns the context it replaced; the primitive of the wrappers. */
    static Fields swap(Fields context) {
        Fields previous = current();
        set(context);
        return previous;
    }

    private static void set(Fields context) {
        if (context.isEmpty()) {
            CURRENT.remove();
        } else {
            if (!used) used = true;
            CURRENT.set(context);
        }
    }

    // ---- carrying the context across threads -------------------------------------------------

    /** {@code task} running in the context current now, whichever thread runs it. */
    public static Runnable wrap(Runnable task) {
        Fields captured = current();
        return () -> {
            Fields previous = swap(captured);
            try {
                task.run();
            } finally {
                set(previous);
            }
        };
    }

    /** {@code task} running in the context current now. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        Fields captured = current();
        return () -> {
            Fields previous = swap(captured);
            try {
                return task.call();
            } finally {
                set(previous);
            }
        };
    }

    /** {@code supplier} running in the context current now, for {@code CompletableFuture.supplyAsync}. */
    public static <T> Supplier<T> wrapSupplier(Supplier<T> supplier) {
        Fields captured = current();
        return () -> {
            Fields previous = swap(captured);
            try {
                return supplier.get();
            } finally {
                set(previous);
            }
        };
    }

    /** {@code function} running in the context current now, for {@code thenApply} stages. */
    public static <T, R> Function<T, R> wrapFunction(Function<T, R> function) {
        Fields captured = current();
        return value -> {
            Fields previous = swap(captured);
            try {
                return function.apply(value);
            } finally {
                set(previous);
            }
        };
    }

    /** {@code consumer} running in the context current now, for {@code thenAccept} stages. */
    public static <T> Consumer<T> wrapConsumer(Consumer<T> consumer) {
        Fields captured = current();
        return value -> {
            Fields previous = swap(captured);
            try {
                consumer.accept(value);
            } finally {
                set(previous);
            }
        };
    }

    /**
     * An executor whose tasks run in the context of the thread that submitted them. Use it for
     * {@code CompletableFuture}'s {@code *Async} methods so every stage sees the request's context.
     */
    public static Executor wrap(Executor executor) {
        if (executor instanceof ExecutorService) return wrap((ExecutorService) executor);
        return command -> executor.execute(wrap(command));
    }

    /**
     * An executor service whose tasks (execute, submit, invokeAll, invokeAny) run in the context
     * of the submitting thread; lifecycle methods go to {@code executor}. Works the same for a
     * virtual-thread-per-task executor.
     */
    public static ExecutorService wrap(ExecutorService executor) {
        return executor instanceof ContextExecutorService ? executor : new ContextExecutorService(executor);
    }

    /**
     * A thread factory whose threads run in the context of the thread that asked for them, for
     * {@code Thread.ofVirtual().factory()} or {@code Executors.newThreadPerTaskExecutor}.
     */
    public static ThreadFactory wrapThreadFactory(ThreadFactory factory) {
        return task -> factory.newThread(wrap(task));
    }

    /**
     * What {@link #scope()}, {@link #with(String, Object)} and {@link #with(Map)} return: closing
     * it puts back the context saved when it was opened. Close it on the thread that opened it;
     * closing twice has no further effect.
     */
    public static final class Scope implements AutoCloseable {
        private final Fields saved;
        private boolean closed;

        Scope(Fields saved) {
            this.saved = saved;
        }

        /** Also sets {@code key} inside this scope, for chaining: {@code with("a", 1).and("b", 2)}. */
        public Scope and(String key, Object value) {
            put(key, value);
            return this;
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            set(saved);
        }
    }
}
