package dev.cairn.format;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The time zone abbreviation glibc prints for {@code %Z} ({@code tm_zone}): read from the
 * system's compiled tz database (TZif files under {@code /usr/share/zoneinfo}, as glibc reads
 * them), so zones whose abbreviation is numeric ({@code +08}, {@code -03}) print as on Linux.
 * Without the files, Java's short zone names stand in. Thread-safe; each zone is read once.
 */
final class ZoneAbbreviations {
    private static final ConcurrentHashMap<ZoneId, ZoneTable> TABLES = new ConcurrentHashMap<>();
    private static final ZoneTable NONE = new ZoneTable(new long[0], new int[0], new int[0], new String[0], null);

    private ZoneAbbreviations() {
    }

    static String of(ZonedDateTime t) {
        ZoneId zone = t.getZone();
        if (zone instanceof ZoneOffset) {
            int seconds = ((ZoneOffset) zone).getTotalSeconds();
            return seconds == 0 ? "UTC" : offsetName(seconds);
        }
        ZoneTable table = TABLES.computeIfAbsent(zone, ZoneAbbreviations::load);
        String name = table.nameAt(t.toEpochSecond(), t.getOffset().getTotalSeconds());
        if (name != null) return name;
        boolean dst = zone.getRules().isDaylightSavings(t.toInstant());
        String java = TimeZone.getTimeZone(zone).getDisplayName(dst, TimeZone.SHORT, Locale.ROOT);
        if (java.startsWith("GMT+") || java.startsWith("GMT-")) return offsetName(t.getOffset().getTotalSeconds());
        return java.isEmpty() ? zone.getDisplayName(TextStyle.SHORT, Locale.ROOT) : java;
    }

    /** tzdata's numeric abbreviation for an offset: {@code +08}, {@code -0330}. */
    private static String offsetName(int seconds) {
        int minutes = Math.abs(seconds) / 60;
        StringBuilder sb = new StringBuilder(seconds < 0 ? "-" : "+");
        if (minutes / 60 < 10) sb.append('0');
        sb.append(minutes / 60);
        if (minutes % 60 != 0) {
            if (minutes % 60 < 10) sb.append('0');
            sb.append(minutes % 60);
        }
        return sb.toString();
    }

    private static ZoneTable load(ZoneId zone) {
        String dir = System.getenv("TZDIR");
        Path file = Path.of(dir != null && !dir.isEmpty() ? dir : "/usr/share/zoneinfo", zone.getId());
        if (!Files.isRegularFile(file)) return NONE;
        try (InputStream in = Files.newInputStream(file)) {
            return ZoneTable.read(new DataInputStream(in));
        } catch (IOException | RuntimeException e) {
            // An unreadable or unexpected file: fall back to Java's names rather than fail a log line.
            return NONE;
        }
    }

    /** The parts of a TZif file (RFC 8536) that name the local time type in force at an instant. */
    private static final class ZoneTable {
        private final long[] transitions;
        private final int[] transitionTypes;
        private final int[] typeOffsets;
        private final String[] typeNames;
        private final String[] footerNames;
        private final int footerStdOffset;

        ZoneTable(long[] transitions, int[] transitionTypes, int[] typeOffsets, String[] typeNames, String footer) {
            this.transitions = transitions;
            this.transitionTypes = transitionTypes;
            this.typeOffsets = typeOffsets;
            this.typeNames = typeNames;
            PosixZone posix = footer == null ? null : PosixZone.parse(footer);
            this.footerNames = posix == null ? null : posix.names;
            this.footerStdOffset = posix == null ? 0 : posix.stdOffset;
        }

        /** The abbreviation in force at the epoch second, or null if the table cannot tell. */
        String nameAt(long epochSecond, int offsetSeconds) {
            if (typeNames.length == 0) return null;
            int count = transitions.length;
            if (count > 0 && epochSecond >= transitions[count - 1] && footerNames != null) {
                // After the last transition the footer's POSIX rule applies; choose by offset, since
                // negative DST (Europe/Dublin) makes the "standard" name the summer one.
                if (footerNames.length == 1 || offsetSeconds == footerStdOffset) return footerNames[0];
                return footerNames[1];
            }
            int type = 0;
            if (count > 0 && epochSecond >= transitions[0]) {
                int lo = 0;
                int hi = count - 1;
                while (lo < hi) {
                    int mid = (lo + hi + 1) >>> 1;
                    if (transitions[mid] <= epochSecond) lo = mid;
                    else hi = mid - 1;
                }
                type = transitionTypes[lo];
            }
            return typeOffsets[type] == offsetSeconds ? typeNames[type] : null;
        }

        static ZoneTable read(DataInputStream in) throws IOException {
            int[] counts = header(in);
            if (counts == null) return NONE;
            int version = counts[6];
            if (version >= '2') {
                // Skip the 32-bit block; the 64-bit one after the second header is complete.
                in.skipNBytes(counts[3] * 5L + counts[4] * 6L + counts[5] + counts[2] * 8L + counts[1] + counts[0]);
                counts = header(in);
                if (counts == null) return NONE;
            }
            int timeSize = version >= '2' ? 8 : 4;
            int timecnt = counts[3];
            int typecnt = counts[4];
            int charcnt = counts[5];
            long[] transitions = new long[timecnt];
            for (int i = 0; i < timecnt; i++) transitions[i] = timeSize == 8 ? in.readLong() : in.readInt();
            int[] transitionTypes = new int[timecnt];
            for (int i = 0; i < timecnt; i++) transitionTypes[i] = in.readUnsignedByte();
            int[] offsets = new int[typecnt];
            int[] nameIndexes = new int[typecnt];
            for (int i = 0; i < typecnt; i++) {
                offsets[i] = in.readInt();
                in.readUnsignedByte();
                nameIndexes[i] = in.readUnsignedByte();
            }
            byte[] chars = in.readNBytes(charcnt);
            String[] names = new String[typecnt];
            for (int i = 0; i < typecnt; i++) {
                int end = nameIndexes[i];
                while (end < chars.length && chars[end] != 0) end++;
                names[i] = new String(chars, nameIndexes[i], end - nameIndexes[i], java.nio.charset.StandardCharsets.US_ASCII);
            }
            String footer = null;
            if (version >= '2') {
                in.skipNBytes(counts[2] * (timeSize + 4L) + counts[1] + counts[0]);
                byte[] rest = in.readAllBytes();
                String text = new String(rest, java.nio.charset.StandardCharsets.US_ASCII).trim();
                if (!text.isEmpty()) footer = text;
            }
            return new ZoneTable(transitions, transitionTypes, offsets, names, footer);
        }

        /** isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt, then the version byte; null if not TZif. */
        private static int[] header(DataInputStream in) throws IOException {
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4 || magic[0] != 'T' || magic[1] != 'Z' || magic[2] != 'i' || magic[3] != 'f') return null;
            int version = in.readUnsignedByte();
            in.skipNBytes(15);
            int[] counts = new int[7];
            for (int i = 0; i < 6; i++) counts[i] = in.readInt();
            counts[6] = version == 0 ? '1' : version;
            return counts;
        }
    }

    /** The names and standard offset in a POSIX TZ string such as {@code CET-1CEST,M3.5.0,M10.5.0/3}. */
    private static final class PosixZone {
        String[] names;
        int stdOffset;

        static PosixZone parse(String tz) {
            int[] pos = {0};
            String std = name(tz, pos);
            if (std == null) return null;
            PosixZone zone = new PosixZone();
            zone.stdOffset = -offset(tz, pos);
            String dst = pos[0] < tz.length() && tz.charAt(pos[0]) != ',' ? name(tz, pos) : null;
            zone.names = dst == null ? new String[] {std} : new String[] {std, dst};
            return zone;
        }

        private static String name(String tz, int[] pos) {
            int start = pos[0];
            if (start < tz.length() && tz.charAt(start) == '<') {
                int end = tz.indexOf('>', start);
                if (end < 0) return null;
                pos[0] = end + 1;
                return tz.substring(start + 1, end);
            }
            int end = start;
            while (end < tz.length() && Character.isLetter(tz.charAt(end))) end++;
            pos[0] = end;
            return end > start ? tz.substring(start, end) : null;
        }

        /** A POSIX offset [+-]hh[:mm[:ss]] in seconds (positive west of Greenwich, as POSIX writes it). */
        private static int offset(String tz, int[] pos) {
            int i = pos[0];
            int sign = 1;
            if (i < tz.length() && (tz.charAt(i) == '+' || tz.charAt(i) == '-')) sign = tz.charAt(i++) == '-' ? -1 : 1;
            int seconds = 0;
            int unit = 3600;
            while (i < tz.length() && unit >= 1) {
                int value = 0;
                int digitsStart = i;
                while (i < tz.length() && Character.isDigit(tz.charAt(i))) value = value * 10 + (tz.charAt(i++) - '0');
                if (i == digitsStart) break;
                seconds += value * unit;
                unit /= 60;
                if (i < tz.length() && tz.charAt(i) == ':') i++;
                else break;
            }
            pos[0] = i;
            return sign * seconds;
        }
    }
}
