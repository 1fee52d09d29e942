package dev.cairn.bench;

import dev.cairn.Formatter;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.format.Utf8;
import dev.cairn.format.Utf8Output;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cairn alone, no I/O: the asynchronous writer's work per record, turning a queued record (a
 * pooled copy, message already merged) into the UTF-8 bytes of the line. {@code text}
 * is the general path (the template renders text into a StringBuilder, looking fields up by
 * name, and the text is encoded); {@code utf8} is the compiled one ({@link Formatter#formatUtf8}).
 * The file benchmarks add a write syscall and the disk to this, which on a shared machine
 * varies more than the difference. Not part of bench/run's comparison with the peers; run it
 * with {@code bench/run WriterFormatBench}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class WriterFormatBench {
    private final Formatter formatter = new Formatter(Workload.CAIRN_FORMAT);
    private final LogRecord record = LogRecord.pooled();
    private final StringBuilder text = new StringBuilder(256);
    private final byte[] bytes = new byte[1024];
    private final Utf8Output out = new Utf8Output(1024);

    @Setup
    public void setup() {
        record.copyFrom(new LogRecord(Workload.ASYNC_LOGGER, Level.INFO, null, Workload.CAIRN_MESSAGE,
                new Object[] {Workload.ARG1, Workload.ARG2}, null, null, null, 1_700_000_000.042));
    }

    @Benchmark
    public int text() {
        text.setLength(0);
        formatter.format(record, text);
        text.append('\n');
        return Utf8.encode(text, bytes);
    }

    @Benchmark
    public int utf8() {
        out.reset();
        formatter.formatUtf8(record, out);
        out.write('\n');
        return out.size();
    }
}
