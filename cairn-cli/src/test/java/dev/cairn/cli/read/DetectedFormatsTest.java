package dev.cairn.cli.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each common log format, written to a file as its writer would, is detected without --format and
 * read into time, level, logger, message and fields, with stack traces kept with their record.
 */
class DetectedFormatsTest {

    @TempDir
    Path temp;

    /** What reading one file gave: the format detected, the records and the count of unreadable lines. */
    record Read(String format, List<LogEntry> entries, long malformed) {
        LogEntry get(int index) {
            return entries.get(index);
        }
    }

    private Read read(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return read(file);
    }

    private static Read read(Path file) throws IOException {
        Malformed malformed = new Malformed();
        List<LogEntry> entries = new ArrayList<>();
        try (LogReader reader = LogReader.open(file, null, malformed)) {
            for (LogEntry e = reader.next(); e != null; e = reader.next()) {
                entries.add(e);
            }
            return new Read(reader.format().name(), entries, malformed.count());
        }
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void syslogRfc3164AsDebianWritesItWithoutPriority() throws Exception {
        Read r = read("syslog", """
                Nov 24 06:25:01 web1 CRON[12345]: (root) CMD (command -v debian-sa1 > /dev/null)
                Nov  4 06:25:04 web1 kernel: [12345.678901] eth0: link up
                Nov 24 06:25:05 web1 systemd[1]: Started Session 42 of user deploy.
                """);
        assertThat(r.format()).isEqualTo("syslog (RFC 3164)");
        assertThat(r.entries()).hasSize(3);
        // No year is written: the time is placed in 1970, so it still orders within the file.
        assertThat(r.get(0).time()).isEqualTo(at("1970-11-24T06:25:01Z"));
        assertThat(r.get(1).time()).isEqualTo(at("1970-11-04T06:25:04Z"));
        assertThat(r.get(0).logger()).isEqualTo("CRON");
        assertThat(r.get(0).level()).isNull();
        assertThat(r.get(0).fields()).containsEntry("host", "web1").containsEntry("program", "CRON")
                .containsEntry("pid", "12345");
        assertThat(r.get(0).message()).isEqualTo("(root) CMD (command -v debian-sa1 > /dev/null)");
        assertThat(r.get(1).fields()).doesNotContainKey("pid");
        assertThat(r.get(1).message()).isEqualTo("[12345.678901] eth0: link up");
    }

    @Test
    void syslogRfc3164WithPriorityGivesLevelAndFacility() throws Exception {
        Read r = read("messages", """
                <34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8
                <13>Oct 11 22:14:16 mymachine app[77]: started user=alice
                """);
        assertThat(r.format()).isEqualTo("syslog (RFC 3164)");
        assertThat(r.get(0).level()).isEqualTo("CRIT");
        assertThat(r.get(0).isError()).isTrue();
        assertThat(r.get(0).fields()).containsEntry("facility", "4");
        assertThat(r.get(1).level()).isEqualTo("NOTICE");
        assertThat(r.get(1).fields()).containsEntry("user", "alice").containsEntry("pid", "77");
    }

    @Test
    void rsyslogsDefaultFileFormatWithRfc3339Times() throws Exception {
        Read r = read("rsyslog.log", """
                2024-05-01T12:00:00.123456+02:00 web1 sshd[2201]: Accepted publickey for deploy from 10.0.0.5 port 51234 ssh2
                2024-05-01T12:00:02.500000+02:00 web1 kernel: eth0: link up
                """);
        assertThat(r.format()).isEqualTo("syslog (RFC 3164)");
        assertThat(r.get(0).time()).isEqualTo(at("2024-05-01T10:00:00.123Z"));
        assertThat(r.get(0).logger()).isEqualTo("sshd");
        assertThat(r.get(1).message()).isEqualTo("eth0: link up");
    }

    @Test
    void syslogRfc5424WithStructuredData() throws Exception {
        Read r = read("5424.log", """
                <165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application"] An application event
                <11>1 2003-10-11T22:14:17.000-07:00 host app 1234 - [meta x="a \\"q\\" b\\]" dir="C:\\temp"][origin ip="10.0.0.1"] failed request_id=r1
                <34>1 2003-10-11T22:14:18Z - su - - - 'su root' failed
                """);
        assertThat(r.format()).isEqualTo("syslog (RFC 5424)");
        LogEntry first = r.get(0);
        assertThat(first.time()).isEqualTo(at("2003-10-11T22:14:15.003Z"));
        assertThat(first.level()).isEqualTo("NOTICE");
        assertThat(first.logger()).isEqualTo("evntslog");
        assertThat(first.fields()).containsEntry("host", "mymachine.example.com").containsEntry("msgid", "ID47")
                .containsEntry("iut", "3").containsEntry("eventSource", "Application").containsEntry("facility", "20")
                .doesNotContainKey("pid");
        assertThat(first.message()).isEqualTo("An application event");
        LogEntry second = r.get(1);
        assertThat(second.time()).isEqualTo(at("2003-10-12T05:14:17Z"));
        assertThat(second.level()).isEqualTo("ERR");
        assertThat(second.isError()).isTrue();
        // Only \", \\ and \] are escapes in structured data; another backslash is part of the value.
        assertThat(second.fields()).containsEntry("x", "a \"q\" b]").containsEntry("dir", "C:\\temp")
                .containsEntry("ip", "10.0.0.1")
                .containsEntry("pid", "1234").containsEntry("request_id", "r1");
        assertThat(second.traceId()).isEqualTo("r1");
        assertThat(second.message()).isEqualTo("failed request_id=r1");
        assertThat(r.get(2).logger()).isEqualTo("su");
        assertThat(r.get(2).fields()).doesNotContainKey("host");
    }

    @Test
    void apacheCombinedVhostAndNginxAccessLogs() throws Exception {
        Read r = read("access.log", """
                127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"
                10.0.0.2 - - [10/Oct/2000:13:55:37 -0700] "POST /checkout HTTP/1.1" 503 12 "-" "curl/8.0"
                10.0.0.3 - - [10/Oct/2000:13:55:38 -0700] "GET /missing HTTP/1.1" 404 - "-" "curl/8.0"
                """);
        assertThat(r.format()).isEqualTo("access log");
        LogEntry first = r.get(0);
        assertThat(first.time()).isEqualTo(at("2000-10-10T20:55:36Z"));
        assertThat(first.level()).isEqualTo("INFO");
        assertThat(first.message()).isEqualTo("GET /apache_pb.gif HTTP/1.0 200 2326");
        assertThat(first.fields()).containsEntry("client", "127.0.0.1").containsEntry("user", "frank")
                .containsEntry("method", "GET").containsEntry("path", "/apache_pb.gif").containsEntry("status", "200")
                .containsEntry("bytes", "2326").containsEntry("referer", "http://www.example.com/start.html")
                .containsEntry("user_agent", "Mozilla/4.08 [en] (Win98; I ;Nav)").doesNotContainKey("ident");
        // No levels in access logs: failed requests read as errors and warnings so errors and stats count them.
        assertThat(r.get(1).level()).isEqualTo("ERROR");
        assertThat(r.get(1).fields()).doesNotContainKey("referer");
        assertThat(r.get(2).level()).isEqualTo("WARNING");
        assertThat(r.get(2).fields()).doesNotContainKey("bytes");

        Read nginx = read("nginx-access.log", """
                192.168.1.10 - - [01/May/2024:12:00:00 +0000] "GET /index.html HTTP/1.1" 200 612 "-" "Mozilla/5.0 (X11; Linux x86_64)"
                192.168.1.11 - - [01/May/2024:12:00:01 +0000] "GET /api/items?id=3 HTTP/2.0" 200 1534 "https://shop.example/" "Mozilla/5.0"
                192.168.1.12 - - [01/May/2024:12:00:02 +0000] "\\x16\\x03\\x01" 400 157 "-" "-"
                """);
        assertThat(nginx.format()).isEqualTo("access log");
        assertThat(nginx.get(1).fields()).containsEntry("path", "/api/items?id=3").containsEntry("protocol", "HTTP/2.0");
        // A TLS handshake sent to the plain port: the request is not a request line, and is kept as written.
        assertThat(nginx.get(2).fields()).containsEntry("request", "\\x16\\x03\\x01").doesNotContainKey("method");
        assertThat(nginx.malformed()).isZero();

        Read vhosts = read("other_vhosts_access.log", """
                shop.example:443 10.0.0.1 - - [01/May/2024:12:00:00 +0000] "GET / HTTP/1.1" 200 612 "-" "curl/8.0"
                ::1 - - [01/May/2024:12:00:01 +0000] "GET /health HTTP/1.1" 200 2 "-" "probe"
                """);
        assertThat(vhosts.format()).isEqualTo("access log");
        assertThat(vhosts.get(0).fields()).containsEntry("vhost", "shop.example:443").containsEntry("client", "10.0.0.1");
        // An IPv6 client is not taken for a host:port.
        assertThat(vhosts.get(1).fields()).containsEntry("client", "::1").doesNotContainKey("vhost");
    }

    @Test
    void apacheErrorLog() throws Exception {
        Read r = read("error_log", """
                [Wed May 01 12:00:00.123456 2024] [core:error] [pid 1234:tid 140234] [client 10.0.0.1:51234] AH00126: Invalid URI in request
                [Wed May 01 12:00:01.000000 2024] [mpm_event:notice] [pid 1200:tid 140200] AH00489: Apache/2.4.58 (Unix) configured
                [Wed May 01 12:00:02.000000 2024] [php:warn] [pid 1235:tid 140235] [client 10.0.0.2:51235] PHP Warning:  Undefined variable $x
                """);
        assertThat(r.entries()).hasSize(3);
        LogEntry first = r.get(0);
        assertThat(first.time()).isEqualTo(at("2024-05-01T12:00:00.123Z"));
        assertThat(first.level()).isEqualTo("ERROR");
        assertThat(first.fields()).containsEntry("module", "core").containsEntry("client", "10.0.0.1:51234");
        assertThat(first.message()).isEqualTo("AH00126: Invalid URI in request");
        // The client part is optional: a line without it still reads.
        assertThat(r.get(1).level()).isEqualTo("NOTICE");
        assertThat(r.get(1).message()).isEqualTo("AH00489: Apache/2.4.58 (Unix) configured");
        assertThat(r.get(2).level()).isEqualTo("WARN");
    }

    @Test
    void nginxErrorLog() throws Exception {
        Read r = read("error.log", """
                2024/05/01 12:00:00 [error] 1234#1234: *5 open() "/usr/share/nginx/html/x" failed (2: No such file or directory), client: 10.0.0.1
                2024/05/01 12:00:01 [notice] 1#1: start worker processes
                2024/05/01 12:00:02 [warn] 1234#1234: *7 upstream server temporarily disabled while connecting to upstream
                """);
        assertThat(r.format()).isEqualTo("<Time> [<Level>] <Message>");
        assertThat(r.entries()).extracting(LogEntry::level).containsExactly("ERROR", "NOTICE", "WARN");
        assertThat(r.get(0).time()).isEqualTo(at("2024-05-01T12:00:00Z"));
        assertThat(r.get(1).message()).isEqualTo("1#1: start worker processes");
    }

    @Test
    void log4jPatternLayoutWithStackTrace() throws Exception {
        // %d %p %c{1.} [%t] %m%n
        Read r = read("app.log", """
                2024-05-01 12:00:00,123 INFO o.a.c.Server [main] Server started on port 8080
                2024-05-01 12:00:01,456 WARN c.e.s.OrderService [http-nio-8080-exec-1] slow query took 812 ms user=alice
                2024-05-01 12:00:02,789 ERROR c.e.s.OrderService [http-nio-8080-exec-2] order failed
                java.lang.IllegalStateException: no stock
                \tat com.example.shop.OrderService.place(OrderService.java:42)
                \tat java.base/java.lang.Thread.run(Thread.java:840)
                Caused by: java.io.IOException: disk
                \t... 2 more
                2024-05-01 12:00:03,000 DEBUG o.a.c.Server [main] tick
                """);
        assertThat(r.format()).isEqualTo("<Time> <Level> <Logger> [<Thread>] <Message>");
        assertThat(r.entries()).hasSize(4);
        assertThat(r.malformed()).isZero();
        LogEntry first = r.get(0);
        assertThat(first.time()).isEqualTo(at("2024-05-01T12:00:00.123Z"));
        assertThat(first.level()).isEqualTo("INFO");
        assertThat(first.logger()).isEqualTo("o.a.c.Server");
        assertThat(first.fields()).containsEntry("thread", "main");
        assertThat(first.message()).isEqualTo("Server started on port 8080");
        assertThat(r.get(1).fields()).containsEntry("user", "alice");
        LogEntry failed = r.get(2);
        assertThat(failed.message()).isEqualTo("order failed");
        assertThat(failed.exception()).startsWith("java.lang.IllegalStateException: no stock")
                .contains("Caused by: java.io.IOException: disk").endsWith("... 2 more");
        assertThat(r.get(3).message()).isEqualTo("tick");
    }

    @Test
    void logbackCommonPatternWithStackTrace() throws Exception {
        // %d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n
        Read r = read("logback.log", """
                12:00:00.123 [main] INFO  com.example.shop.Application - Started Application in 2.3 seconds
                12:00:01.456 [http-nio-8080-exec-1] WARN  c.e.shop.web.OrderController - slow request path=/orders took_ms=812
                12:00:02.789 [http-nio-8080-exec-2] ERROR c.e.shop.web.OrderController - order failed
                java.lang.IllegalStateException: no stock
                \tat com.example.shop.OrderService.place(OrderService.java:42)
                12:00:03.000 [main] DEBUG com.example.shop.Application - tick
                """);
        assertThat(r.format()).isEqualTo("<Time> [<Thread>] <Level> <Logger> - <Message>");
        assertThat(r.entries()).hasSize(4);
        LogEntry slow = r.get(1);
        // A time of day alone is placed on 1970-01-01.
        assertThat(slow.time()).isEqualTo(at("1970-01-01T12:00:01.456Z"));
        assertThat(slow.level()).isEqualTo("WARN");
        assertThat(slow.logger()).isEqualTo("c.e.shop.web.OrderController");
        assertThat(slow.fields()).containsEntry("thread", "http-nio-8080-exec-1").containsEntry("path", "/orders")
                .containsEntry("took_ms", "812");
        assertThat(slow.message()).isEqualTo("slow request path=/orders took_ms=812");
        assertThat(r.get(2).exception()).isEqualTo("java.lang.IllegalStateException: no stock\n"
                + "\tat com.example.shop.OrderService.place(OrderService.java:42)");
    }

    @Test
    void springBootDefaultConsoleLine() throws Exception {
        Read r = read("spring.log", """
                2024-05-01T12:00:00.123+02:00  INFO 4242 --- [           main] com.example.shop.ShopApplication         : Starting ShopApplication using Java 17.0.9 with PID 4242
                2024-05-01T12:00:01.456+02:00  WARN 4242 --- [nio-8080-exec-1] o.s.web.servlet.PageNotFound             : No mapping for GET /favicon.ico
                2024-05-01T12:00:02.789+02:00 ERROR 4242 --- [nio-8080-exec-2] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() threw exception
                java.lang.NullPointerException: null
                \tat com.example.shop.web.OrderController.place(OrderController.java:31)
                2024-05-01T12:00:03.000+02:00 DEBUG 4242 --- [           main] com.example.shop.ShopApplication         : tick
                """);
        assertThat(r.entries()).hasSize(4);
        LogEntry first = r.get(0);
        assertThat(first.time()).isEqualTo(at("2024-05-01T10:00:00.123Z"));
        assertThat(first.level()).isEqualTo("INFO");
        assertThat(first.logger()).isEqualTo("com.example.shop.ShopApplication");
        assertThat(first.fields()).containsEntry("pid", "4242").containsEntry("thread", "main");
        assertThat(first.message()).isEqualTo("Starting ShopApplication using Java 17.0.9 with PID 4242");
        LogEntry failed = r.get(2);
        assertThat(failed.logger()).isEqualTo("o.a.c.c.C.[.[.[/].[dispatcherServlet]");
        assertThat(failed.message()).isEqualTo("Servlet.service() threw exception");
        assertThat(failed.exception()).startsWith("java.lang.NullPointerException: null").contains("OrderController.java:31");
    }

    @Test
    void elasticsearchsBracketsBackToBack() throws Exception {
        Read r = read("es.log", """
                [2024-05-01T12:00:00,123][INFO ][o.e.n.Node               ] [node-1] started
                [2024-05-01T12:00:01,456][WARN ][o.e.c.r.a.DiskThresholdMonitor] [node-1] high disk watermark exceeded
                [2024-05-01T12:00:02,789][ERROR][o.e.b.Bootstrap          ] [node-1] node validation exception
                """);
        assertThat(r.format()).isEqualTo("[<Time>][<Level>][<Logger>] [<Thread>] <Message>");
        LogEntry warn = r.get(1);
        assertThat(warn.time()).isEqualTo(at("2024-05-01T12:00:01.456Z"));
        assertThat(warn.level()).isEqualTo("WARN");
        assertThat(warn.logger()).isEqualTo("o.e.c.r.a.DiskThresholdMonitor");
        assertThat(warn.message()).isEqualTo("high disk watermark exceeded");
        assertThat(r.get(0).logger()).isEqualTo("o.e.n.Node");
    }

    @Test
    void redisDayMonthYearTimesAfterAWord() throws Exception {
        Read r = read("redis.log", """
                1234:M 01 May 2024 12:00:00.123 * Ready to accept connections tcp
                1234:M 01 May 2024 12:00:01.456 # WARNING overcommit_memory is set to 0!
                1234:C 01 May 2024 12:00:02.789 * Background saving terminated with success
                """);
        assertThat(r.format()).isEqualTo("<Word> <Time> <Message>");
        assertThat(r.get(1).time()).isEqualTo(at("2024-05-01T12:00:01.456Z"));
        assertThat(r.get(1).message()).isEqualTo("# WARNING overcommit_memory is set to 0!");
    }

    @Test
    void rfc2822Times() throws Exception {
        Read r = read("mail.log", """
                Wed, 01 May 2024 12:00:00 +0200 INFO delivered to alice
                Wed, 01 May 2024 12:00:05 +0200 ERROR bounced from bob
                """);
        assertThat(r.get(0).time()).isEqualTo(at("2024-05-01T10:00:00Z"));
        assertThat(r.get(1).level()).isEqualTo("ERROR");
        assertThat(r.get(1).message()).isEqualTo("bounced from bob");
    }

    @Test
    void zapsConsoleEncoderWithItsJsonFields() throws Exception {
        Read r = read("controller.log", """
                2024-05-01T12:00:00.123Z\tINFO\tserver/main.go:42\tstarting server\t{"addr": ":8080"}
                2024-05-01T12:00:01.456Z\tWARN\tserver/handler.go:77\tslow request\t{"path": "/orders", "ms": 812}
                2024-05-01T12:00:02.789Z\tERROR\tserver/handler.go:90\trequest failed\t{"error": "connection refused"}
                """);
        LogEntry slow = r.get(1);
        assertThat(slow.time()).isEqualTo(at("2024-05-01T12:00:01.456Z"));
        assertThat(slow.level()).isEqualTo("WARN");
        assertThat(slow.fields()).containsEntry("path", "/orders").containsEntry("ms", "812");
        assertThat(r.get(2).fields()).containsEntry("error", "connection refused");
    }

    @Test
    void postgresqlDefaultPrefix() throws Exception {
        // log_line_prefix '%m [%p] ': the time with its zone, the process id, then the severity.
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            log.append("2024-05-01 12:00:0").append(i).append(".123 UTC [12").append(i)
                    .append("] LOG:  connection received: host=10.0.0.").append(i).append(" port=5432\n");
        }
        log.append("2024-05-01 12:00:09.456 UTC [1240] ERROR:  relation \"users\" does not exist at character 15\n")
                .append("2024-05-01 12:00:09.456 UTC [1240] STATEMENT:  select * from users;\n")
                .append("2024-05-01 12:00:10.789 UTC [1241] FATAL:  password authentication failed for user \"bob\"\n");
        Read r = read("postgresql.log", log.toString());
        assertThat(r.format()).isEqualTo("<Time> [<Thread>] <Level>: <Message>");
        assertThat(r.get(0).level()).isEqualTo("LOG");
        assertThat(r.get(0).levelNo()).isEqualTo(20);
        assertThat(r.get(0).fields()).containsEntry("host", "10.0.0.1");
        LogEntry error = r.get(8);
        assertThat(error.time()).isEqualTo(at("2024-05-01T12:00:09.456Z"));
        assertThat(error.isError()).isTrue();
        assertThat(error.message()).isEqualTo("relation \"users\" does not exist at character 15");
        assertThat(r.get(9).level()).isEqualTo("FATAL");
        // A STATEMENT or DETAIL line has no severity of its own: it is counted as unreadable, not mis-read.
        assertThat(r.entries()).hasSize(10);
        assertThat(r.malformed()).isEqualTo(1);
    }

    @Test
    void glogAndKlogHeaders() throws Exception {
        Read r = read("server.INFO", """
                I0501 12:00:00.123456    4242 main.go:42] starting server addr=:8080
                W0501 12:00:01.000000    4242 handler.go:77] slow request path=/orders
                E0501 12:00:02.500000 4243 handler.go:90] request failed: connection refused
                F0501 12:00:03.000000    4242 main.go:99] out of memory
                I0501 12:00:04.000000       1 kubelet.go:2100] "Pod started" pod="kube-system/web-1" durationSeconds=1.5
                """);
        assertThat(r.format()).isEqualTo("glog");
        assertThat(r.entries()).extracting(LogEntry::level).containsExactly("INFO", "WARNING", "ERROR", "FATAL", "INFO");
        LogEntry first = r.get(0);
        assertThat(first.time()).isEqualTo(at("1970-05-01T12:00:00.123Z"));
        assertThat(first.fields()).containsEntry("thread", "4242").containsEntry("caller", "main.go:42")
                .containsEntry("addr", ":8080");
        assertThat(first.message()).isEqualTo("starting server addr=:8080");
        assertThat(r.get(2).message()).isEqualTo("request failed: connection refused");
        // klog's structured form: the quoted message, then its pairs.
        LogEntry structured = r.get(4);
        assertThat(structured.message()).isEqualTo("Pod started pod=\"kube-system/web-1\" durationSeconds=1.5");
        assertThat(structured.fields()).containsEntry("pod", "kube-system/web-1").containsEntry("durationSeconds", "1.5")
                .containsEntry("caller", "kubelet.go:2100");
    }

    @Test
    void logfmtWithQuotedValues() throws Exception {
        Read r = read("svc.log", """
                time=2024-05-01T12:00:00Z level=info msg="user logged in" user=alice duration_ms=12
                time=2024-05-01T12:00:01Z level=warn msg="slow query" query="select * from t where a=1" duration_ms=812
                """);
        assertThat(r.format()).isEqualTo("logfmt");
        assertThat(r.get(1).level()).isEqualTo("WARN");
        assertThat(r.get(1).message()).isEqualTo("slow query");
        assertThat(r.get(1).fields()).containsEntry("query", "select * from t where a=1").containsEntry("duration_ms", "812");
    }

    @Test
    void pythonsDefaultAndAsctimeFormatsWithTracebacks() throws Exception {
        Read plain = read("py.log", """
                INFO:app.web:started on port 8000
                ERROR:app.api:request failed
                Traceback (most recent call last):
                  File "/srv/app/api.py", line 12, in handle
                    do()
                ValueError: bad value
                INFO:app.web:stopping
                """);
        assertThat(plain.format()).isEqualTo("%(levelname)s:%(name)s:%(message)s");
        assertThat(plain.entries()).hasSize(3);
        assertThat(plain.get(1).logger()).isEqualTo("app.api");
        assertThat(plain.get(1).exception()).startsWith("Traceback").endsWith("ValueError: bad value");

        Read dated = read("py2.log", """
                2024-05-01 12:00:00,123 - app.web - INFO - started on port 8000
                2024-05-01 12:00:02,789 - app.api - ERROR - request failed
                Traceback (most recent call last):
                  File "/srv/app/api.py", line 12, in handle
                ValueError: bad value
                """);
        assertThat(dated.entries()).hasSize(2);
        assertThat(dated.get(1).time()).isEqualTo(at("2024-05-01T12:00:02.789Z"));
        assertThat(dated.get(1).level()).isEqualTo("ERROR");
        assertThat(dated.get(1).logger()).isEqualTo("app.api");
        assertThat(dated.get(1).message()).isEqualTo("request failed");
        assertThat(dated.get(1).exception()).endsWith("ValueError: bad value");
    }

    @Test
    void pythonTextWithContextGroupAsTheDemoWritesIt() throws Exception {
        // %(asctime)s %(levelname)-8s [%(name)s] [trace_id=%(trace_id)s request_id=%(request_id)s] %(message)s
        Read r = read("orders.log", """
                2026-11-25 07:29:10,646 DEBUG    [orders.inventory] [trace_id=f9dfd577dc8136f47de78476dcc9b656 request_id=req-0144] reserved 3 x SKU-5150
                2026-11-25 07:29:10,662 INFO     [orders.api] [trace_id=3243c477bc64d4c25db0baf85764f4bd request_id=req-0143] order ord-0143 placed: 29.97 EUR, auth-5954bb
                2026-11-25 07:29:11,000 INFO     [orders] [trace_id=0 request_id=-] orders stopped
                """);
        assertThat(r.format()).isEqualTo("<Time> <Level> [<Logger>] <Message>");
        LogEntry first = r.get(0);
        assertThat(first.logger()).isEqualTo("orders.inventory");
        assertThat(first.traceId()).isEqualTo("f9dfd577dc8136f47de78476dcc9b656");
        assertThat(first.fields()).containsEntry("request_id", "req-0144");
        // The group is the layout's, not the message's: Python's %(message)s is what follows it.
        assertThat(first.message()).isEqualTo("reserved 3 x SKU-5150");
        assertThat(r.get(2).message()).isEqualTo("orders stopped");
    }

    @Test
    void eachLoghubDatasetIsReadWithItsTimeLevelAndComponent() throws Exception {
        Path loghub = dev.cairn.cli.Loghub.directory().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(loghub != null, "no ../shared/loghub");
        // dataset -> {first line's time, level, logger}; null where the dataset has none.
        Object[][] expected = {
            {"Apache", "2005-12-04T04:47:44Z", "NOTICE", null},
            {"BGL", "2005-06-03T22:42:50Z", "INFO", "KERNEL"},
            {"HDFS", "2008-11-09T20:36:15Z", "INFO", "dfs.DataNode$PacketResponder"},
            {"Hadoop", "2015-10-18T18:01:47.978Z", "INFO", "org.apache.hadoop.mapreduce.v2.app.MRAppMaster"},
            {"HealthApp", "2017-12-23T22:15:29.606Z", null, "Step_LSC"},
            {"OpenSSH", "1970-12-10T06:55:46Z", null, "sshd"},
            {"Spark", "2017-06-09T20:10:40Z", "INFO", "executor.CoarseGrainedExecutorBackend"},
            {"Zookeeper", "2015-07-29T17:41:44.747Z", "INFO", "FastLeaderElection"},
        };
        for (Object[] row : expected) {
            String name = (String) row[0];
            List<LogEntry> entries = read(loghub.resolve(name + "/" + name + "_2k.log")).entries();
            assertThat(entries).as(name).hasSize(2000);
            LogEntry first = entries.get(0);
            assertThat(first.time()).as(name).isEqualTo(at((String) row[1]));
            assertThat(first.level()).as(name).isEqualTo(row[2]);
            assertThat(first.logger()).as(name).isEqualTo(row[3]);
            assertThat(entries).as(name).allMatch(e -> e.time() != LogEntry.NO_TIME);
        }
    }
}
