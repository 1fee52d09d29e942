package dev.cairn.cli.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** key=value pairs lifted from text messages into fields, and the message template mining sees. */
class InlineFieldsTest {

    private static LogEntry entry(String message) {
        return InlineFields.textEntry(LogEntry.NO_TIME, "info", "app", message, Map.of(), "f", 1);
    }

    @Test
    void trailingPairsBecomeFieldsAndStayInTheMessage() {
        LogEntry e = entry("request served in 12 ms status=ok user=alice");
        assertThat(e.fields()).containsExactly(Map.entry("status", "ok"), Map.entry("user", "alice"));
        assertThat(e.message()).isEqualTo("request served in 12 ms status=ok user=alice");
        assertThat(e.level()).isEqualTo("INFO");
    }

    @Test
    void quotedValuesMayHoldSpacesEqualsSignsAndEscapesAsInLogfmt() {
        LogEntry e = entry("query done sql=\"select * from t where a=1\" note=\"say \\\"hi\\\"\\nbye\" rows=3");
        assertThat(e.fields()).containsEntry("sql", "select * from t where a=1")
                .containsEntry("note", "say \"hi\"\nbye").containsEntry("rows", "3");
    }

    @Test
    void unquotedValuesRunToTheNextSpaceAndMayHoldEqualsSigns() {
        LogEntry e = entry("redirect url=https://shop.example/a?x=1&y=2 token=abc==");
        assertThat(e.fields()).containsEntry("url", "https://shop.example/a?x=1&y=2").containsEntry("token", "abc==");
    }

    @Test
    void aPairInsideASentenceIsText() {
        assertThat(entry("retrying because x=5 was too small").fields()).isEmpty();
        assertThat(entry("if a==b then stop").fields()).isEmpty();
        assertThat(entry("set a=b and c=d before starting").fields()).isEmpty();
        // Only the run of pairs that ends the message counts.
        assertThat(entry("x=5 was too small, limit=10").fields()).containsExactly(Map.entry("limit", "10"));
    }

    @Test
    void anUnclosedQuoteIsNotAPair() {
        assertThat(entry("bad input msg=\"never closed").fields()).isEmpty();
    }

    @Test
    void punctuationEndingTheMessageIsNotPartOfTheLastValue() {
        assertThat(entry("done for user=alice;").fields()).containsEntry("user", "alice");
        assertThat(entry("done for user=alice, id=7,").fields()).containsEntry("user", "alice").containsEntry("id", "7");
    }

    @Test
    void contextGroupsAreLiftedAndOpeningOnesLeaveTheMessage() {
        LogEntry e = entry("[trace_id=4bf92f3577b34da6 span_id=00f067aa request_id=req-7] order placed");
        assertThat(e.traceId()).isEqualTo("4bf92f3577b34da6");
        assertThat(e.spanId()).isEqualTo("00f067aa");
        assertThat(e.fields()).containsEntry("request_id", "req-7");
        assertThat(e.message()).isEqualTo("order placed");
        LogEntry mdc = entry("{user=alice, ip=10.0.0.1} [tenant=acme] login ok");
        assertThat(mdc.fields()).containsEntry("user", "alice").containsEntry("ip", "10.0.0.1").containsEntry("tenant", "acme");
        assertThat(mdc.message()).isEqualTo("login ok");
        // A group further on is part of what was said, and stays.
        LogEntry middle = entry("login ok [user=alice] after 2 tries");
        assertThat(middle.fields()).containsEntry("user", "alice");
        assertThat(middle.message()).isEqualTo("login ok [user=alice] after 2 tries");
    }

    @Test
    void bracketsThatAreNotAllPairsAreText() {
        LogEntry e = entry("[main] started [x=1 y] with [a=1, 2]");
        assertThat(e.fields()).isEmpty();
        assertThat(e.message()).isEqualTo("[main] started [x=1 y] with [a=1, 2]");
    }

    @Test
    void fieldsTheHeaderGaveKeepTheirValues() {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("host", "web1");
        LogEntry e = InlineFields.textEntry(LogEntry.NO_TIME, null, null, "spoofed host=evil user=bob", header, "f", 1);
        assertThat(e.fields()).containsEntry("host", "web1").containsEntry("user", "bob");
    }

    @Test
    void aJsonObjectEndingTheMessageGivesItsMembers() {
        LogEntry e = entry("server/main.go:42\tstarting server\t{\"addr\": \":8080\", \"tls\": {\"on\": true}, \"trace_id\": \"t1\"}");
        assertThat(e.fields()).containsEntry("addr", ":8080").containsEntry("tls.on", "true");
        assertThat(e.traceId()).isEqualTo("t1");
        assertThat(e.message()).startsWith("server/main.go:42\tstarting server\t{");
        // Braces that are not a JSON object, or not at the end, are text.
        assertThat(entry("choose one of {a, b}").fields()).isEmpty();
        assertThat(entry("got {\"a\": 1} and moved on").fields()).isEmpty();
        assertThat(entry("payload{\"a\": 1}").fields()).isEmpty();
        // Pairs before the object are read too, and '=' inside it is not a pair.
        assertThat(entry("done status=ok {\"q\": \"a=b\"}").fields())
                .containsExactly(Map.entry("q", "a=b"), Map.entry("status", "ok"));
    }

    @Test
    void templateTextDropsGroupsAndMasksTrailingValues() {
        assertThat(InlineFields.templateText("[trace_id=abc request_id=req-1] reserved 3 x SKU-1"))
                .isEqualTo("reserved 3 x SKU-1");
        assertThat(InlineFields.templateText("served in 12 ms status=ok user=\"Alice B\""))
                .isEqualTo("served in 12 ms status=<*> user=<*>");
        assertThat(InlineFields.templateText("login ok [user=alice]")).isEqualTo("login ok");
        assertThat(InlineFields.templateText("retrying because x=5 was too small"))
                .isEqualTo("retrying because x=5 was too small");
        assertThat(InlineFields.templateText("no pairs here")).isEqualTo("no pairs here");
        assertThat(InlineFields.templateText("slow request\t{\"path\": \"/orders\", \"ms\": 812}")).isEqualTo("slow request");
        assertThat(InlineFields.templateText("done status=ok {\"q\": 1}")).isEqualTo("done status=<*>");
    }
}
