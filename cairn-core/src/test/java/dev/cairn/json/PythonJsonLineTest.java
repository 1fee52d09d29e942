package dev.cairn.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.Logging;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A line written by a Python service in python-json-logger's style (made here by CPython with
 * only the standard library's json module) and one written by Cairn with the python preset
 * read through the same parser into the same attributes and fields.
 */
class PythonJsonLineTest {
    private static final String PYTHON = String.join("\n",
            "import json, logging, sys",
            "class JsonLines(logging.Formatter):",
            "    RESERVED = set(vars(logging.makeLogRecord({}))) | {'message', 'asctime'}",
            "    def format(self, record):",
            "        record.message = record.getMessage()",
            "        record.asctime = self.formatTime(record, self.datefmt)",
            "        out = {'asctime': record.asctime, 'levelname': record.levelname, 'name': record.name,",
            "               'message': record.message}",
            "        out.update({k: v for k, v in vars(record).items() if k not in self.RESERVED})",
            "        if record.exc_info:",
            "            out['exc_info'] = self.formatException(record.exc_info)",
            "        return json.dumps(out)",
            "h = logging.StreamHandler(sys.stdout)",
            "h.setFormatter(JsonLines())",
            "log = logging.getLogger('py.svc')",
            "log.addHandler(h)",
            "log.propagate = False",
            "try:",
            "    raise ValueError('bad\\nvalue')",
            "except ValueError:",
            "    log.error('order %s failed\\r\\n\\x1b[31m', 'A\\u00e9\\U0001F600', exc_info=True, extra={",
            "        'order': 42, 'ratio': 0.25, 'ok': True, 'none': None, 'tags': ['a', 'b'], 'nested': {'k': [1, 2.5]},",
            "        'lone': 'x\\udc80y', 'nan': float('nan'), 'big': 2**70})",
            "");

    @AfterEach
    void reset() {
        Logging.reset();
    }

    @Test
    void aCPythonLineAndACairnLineReadThroughOneParser() throws Exception {
        String line = python();
        JsonLogParser parser = new JsonLogParser(JsonLayout.preset("python"));
        JsonLogParser.Event py = parser.parse(line);
        assertThat(py.levelname()).isEqualTo("ERROR");
        assertThat(py.name()).isEqualTo("py.svc");
        assertThat(py.message()).isEqualTo("order Aé\uD83D\uDE00 failed\r\n\u001b[31m");
        assertThat(py.timestamp()).isNotNull();
        assertThat((String) py.get("exception")).startsWith("Traceback (most recent call last):").contains("ValueError: bad\nvalue");
        Map<String, Object> fields = py.fields();
        assertThat(fields).containsEntry("order", 42L).containsEntry("ratio", 0.25).containsEntry("ok", true)
                .containsEntry("none", null).containsEntry("tags", List.of("a", "b"))
                .containsEntry("nested", Map.of("k", List.of(1L, 2.5))).containsEntry("lone", "x\udc80y")
                .containsEntry("big", new java.math.BigInteger("1180591620717411303424"));
        assertThat((Double) fields.get("nan")).isNaN();

        // The same event logged by Cairn with the python preset reads back to the same values.
        JsonFormatter cairn = JsonFormatter.preset("python");
        JsonLines out = new JsonLines("py.svc", cairn);
        out.logger.atError().extra("order", 42).extra("ratio", 0.25).extra("ok", true).extra("none", null)
                .extra("tags", List.of("a", "b")).extra("nested", Map.of("k", List.of(1, 2.5)))
                .cause(new IllegalArgumentException("bad\nvalue")).log("order %s failed\r\n\u001b[31m", "Aé\uD83D\uDE00");
        JsonLogParser.Event ours = parser.parse(out.last());
        assertThat(ours.levelname()).isEqualTo(py.levelname());
        assertThat(ours.name()).isEqualTo(py.name());
        assertThat(ours.message()).isEqualTo(py.message());
        assertThat(ours.timestamp()).isNotNull();
        for (String k : List.of("order", "ratio", "ok", "none", "tags", "nested")) {
            assertThat(ours.fields().get(k)).as(k).isEqualTo(fields.get(k));
        }
        assertThat(ours.raw().keySet()).startsWith("asctime", "levelname", "name", "message", "exc_info");
    }

    private static String python() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", PYTHON).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "python3 is not installed");
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).endsWith("\n").containsOnlyOnce("\n");
        return out.trim();
    }
}
