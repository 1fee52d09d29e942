package dev.cairn.jul;

import dev.cairn.Level;

/**
 * How java.util.logging levels map to Cairn's numbers, both ways:
 *
 * <table>
 *   <caption>JUL level, its intValue, the Cairn level and its name</caption>
 *   <tr><th>JUL</th><th>intValue</th><th>Cairn</th><th>name</th></tr>
 *   <tr><td>SEVERE</td><td>1000</td><td>40</td><td>ERROR</td></tr>
 *   <tr><td>WARNING</td><td>900</td><td>30</td><td>WARNING</td></tr>
 *   <tr><td>INFO</td><td>800</td><td>20</td><td>INFO</td></tr>
 *   <tr><td>CONFIG</td><td>700</td><td>15</td><td>CONFIG</td></tr>
 *   <tr><td>FINE</td><td>500</td><td>10</td><td>DEBUG</td></tr>
 *   <tr><td>FINER</td><td>400</td><td>8</td><td>FINER</td></tr>
 *   <tr><td>FINEST</td><td>300</td><td>5</td><td>TRACE</td></tr>
 * </table>
 *
 * FINEST shares 5 with SLF4J's TRACE (as jul-to-slf4j maps it), so one Cairn level means "most
 * detailed" whichever API logged. A custom JUL level takes the Cairn level of the nearest
 * standard level at or below it (1100 is ERROR, 850 is INFO); below FINEST it is 1. The
 * mapping is monotonic, which is what lets {@link #toJul} turn a Cairn threshold into a JUL
 * level that passes exactly the records Cairn would take.
 */
public final class JulLevels {
    /** FINEST and SLF4J's TRACE. */
    public static final int TRACE = 5;
    public static final int FINER = 8;
    public static final int CONFIG = 15;

    private JulLevels() {}

    /** Registers the names TRACE, FINER and CONFIG with {@link Level#addLevelName}; idempotent. */
    public static void registerNames() {
        if (!"TRACE".equals(Level.getLevelName(TRACE))) Level.addLevelName(TRACE, "TRACE");
        if (!"FINER".equals(Level.getLevelName(FINER))) Level.addLevelName(FINER, "FINER");
        if (!"CONFIG".equals(Level.getLevelName(CONFIG))) Level.addLevelName(CONFIG, "CONFIG");
    }

    /** The Cairn level of a JUL level (see the table above). */
    public static int toCairn(java.util.logging.Level level) {
        int v = level.intValue();
        if (v >= 1000) return Level.ERROR;
        if (v >= 900) return Level.WARNING;
        if (v >= 800) return Level.INFO;
        if (v >= 700) return CONFIG;
        if (v >= 500) return Level.DEBUG;
        if (v >= 400) return FINER;
        if (v >= 300) return TRACE;
        return 1;
    }

    /**
     * The JUL level that lets through exactly the JUL records whose Cairn level is at least
     * {@code threshold}: the lowest standard level that maps to {@code threshold} or more.
     */
    public static java.util.logging.Level toJul(int threshold) {
        if (threshold <= 1) return java.util.logging.Level.ALL;
        if (threshold <= TRACE) return java.util.logging.Level.FINEST;
        if (threshold <= FINER) return java.util.logging.Level.FINER;
        if (threshold <= Level.DEBUG) return java.util.logging.Level.FINE;
        if (threshold <= CONFIG) return java.util.logging.Level.CONFIG;
        if (threshold <= Level.INFO) return java.util.logging.Level.INFO;
        if (threshold <= Level.WARNING) return java.util.logging.Level.WARNING;
        if (threshold <= Level.ERROR) return java.util.logging.Level.SEVERE;
        return java.util.logging.Level.OFF;
    }
}
