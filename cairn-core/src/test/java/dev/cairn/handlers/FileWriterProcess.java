package dev.cairn.handlers;

import dev.cairn.Formatter;
import dev.cairn.LogRecord;
import dev.cairn.Logging;

/**
 * The main class of the child JVMs in the multi-process and crash tests: writes numbered lines
 * {@code <id> <seq> xxx...} through a RotatingFileHandler.
 *
 * <pre>FileWriterProcess FILE LINES(-1: forever) MAXBYTES BACKUPCOUNT none|gzip ID [multi]</pre>
 */
public final class FileWriterProcess {
    private FileWriterProcess() {}

    public static void main(String[] args) {
        String file = args[0];
        long lines = Long.parseLong(args[1]);
        long maxBytes = Long.parseLong(args[2]);
        int backups = Integer.parseInt(args[3]);
        RotatingFileHandler h = new RotatingFileHandler(file, maxBytes, backups);
        h.setFormatter(new Formatter("%(message)s"));
        if (args[4].equals("gzip")) h.setCompression(Compression.GZIP);
        if (args.length > 6 && args[6].equals("multi")) h.setMultiProcess(true);
        String id = "p" + args[5];
        String padding = "x".repeat(40);
        for (long seq = 0; lines < 0 || seq < lines; seq++) {
            h.handle(new LogRecord("child", 20, null, id + " " + seq + " " + padding, null, null, null, null,
                    Logging.clock().time()));
        }
        Logging.shutdown();
        if (h.getErrorCount() > 0) System.exit(3);
    }
}
