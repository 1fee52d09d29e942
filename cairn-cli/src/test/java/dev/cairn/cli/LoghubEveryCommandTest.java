package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every reading subcommand on each of the eight Loghub samples (2,000 lines each): with the
 * dataset's layout given in {@code <Field>} notation every line is a record, and with the format
 * left to detection every line is still either a record or counted as unreadable, never lost or
 * fatal. ({@code report} on the samples is in {@code ReportCommandTest}.)
 */
class LoghubEveryCommandTest {

    /** The samples whose layout has a level and that hold ERROR or worse records. */
    private static final Set<String> WITH_ERRORS = Set.of("Hadoop", "Zookeeper", "BGL", "Apache");

    private static Map<String, String> formats() throws Exception {
        Path loghub = Loghub.directory().orElse(null);
        Assumptions.assumeTrue(loghub != null, "Loghub samples not found beside the repository");
        return Loghub.formats(loghub);
    }

    private static String sample(String dataset) {
        return Loghub.directory().orElseThrow().resolve(dataset).resolve(dataset + "_2k.log").toString();
    }

    @Test
    void withTheDatasetsLayoutEveryCommandReadsEveryLine() throws Exception {
        for (Map.Entry<String, String> f : formats().entrySet()) {
            String name = f.getKey();
            String file = sample(name);
            String format = f.getValue();
            CliRun count = CliRun.of("search", "--format", format, "--count", file);
            assertThat(count.out()).as(name).isEqualTo("2000\n");
            assertThat(count.err()).as(name).isEmpty();

            CliRun patterns = CliRun.of("patterns", "--format", format, "--json", "--top", "0", file);
            assertThat(patterns.status()).as(name).isZero();
            assertThat(sumOf("count", patterns.out())).as(name).isEqualTo(2000);
            assertThat(patterns.lines().size()).as(name + " templates").isBetween(5, 400);

            CliRun errors = CliRun.of("errors", "--format", format, "--json", "--top", "0", file);
            assertThat(errors.status()).as(name).isZero();
            if (WITH_ERRORS.contains(name)) {
                assertThat(errors.lines()).as(name).isNotEmpty();
            }

            CliRun traces = CliRun.of("trace", "--list", "--all", "--json", "--format", format, file);
            assertThat(traces.status()).as(name).isZero();

            CliRun stats = CliRun.of("stats", "--format", format, "--json", file);
            assertThat(stats.status()).as(name).isZero();
            assertThat(stats.out()).as(name).contains("\"records\":2000,");
        }
    }

    @Test
    void withTheFormatDetectedEveryLineIsARecordOrCountedUnreadable() throws Exception {
        for (String name : formats().keySet()) {
            String file = sample(name);
            CliRun stats = CliRun.of("stats", "--json", file);
            assertThat(stats.status()).as(name).isZero();
            long records = Long.parseLong(first("\"records\":(\\d+)", stats.out()));
            long unreadable = stats.err().isEmpty() ? 0 : Long.parseLong(first("^(\\d+) malformed line", stats.err()));
            assertThat(records + unreadable).as(name).isEqualTo(2000);
            for (String command : new String[] {"patterns", "errors"}) {
                CliRun run = CliRun.of(command, file);
                assertThat(run.status()).as(command + " " + name).isZero();
                assertThat(run.err()).as(command + " " + name).isEqualTo(stats.err());
            }
            assertThat(CliRun.of("search", "--count", file).out()).as(name).isEqualTo(records + "\n");
            assertThat(CliRun.of("trace", "--list", file).status()).as(name).isZero();
        }
    }

    private static long sumOf(String field, String jsonLines) {
        long sum = 0;
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(jsonLines);
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
        }
        return sum;
    }

    private static String first(String regex, String text) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return m.group(1);
    }
}
