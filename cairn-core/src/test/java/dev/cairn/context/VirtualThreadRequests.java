package dev.cairn.context;

import dev.cairn.LogRecord;
import dev.cairn.Logger;
import dev.cairn.Logging;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Run in a child JVM of a JDK with virtual threads (the build targets 17, so they are reached
 * by reflection): 1000 requests, each on its own virtual thread, each handing work to a second
 * virtual thread through a wrapped virtual-thread-per-task executor. Prints one summary line.
 */
public final class VirtualThreadRequests {
    public static void main(String[] args) throws Exception {
        RecordList out = new RecordList();
        Logger log = Logging.getLogger("vt");
        log.setPropagate(false);
        log.addHandler(out);
        ExecutorService virtual = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        ExecutorService handoff = LogContext.wrap(virtual);
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        java.lang.reflect.Method start = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String id = "req-" + i;
            threads.add((Thread) start.invoke(builder, (Runnable) () -> {
                try (LogContext.Scope s = LogContext.with("request_id", id)) {
                    log.warning("request %s", id);
                    Future<?> f = handoff.submit(() -> log.warning("handoff %s", id));
                    f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : threads) t.join();
        handoff.shutdown();
        int leaks = 0;
        for (LogRecord r : out.records) {
            if (r.getContext().size() != 1 || !r.getArgs()[0].equals(r.getContext().get("request_id"))) leaks++;
        }
        System.out.println("ok " + out.records.size() + " records, " + leaks + " leaks");
    }
}
