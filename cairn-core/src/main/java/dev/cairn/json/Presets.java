package dev.cairn.json;

import dev.cairn.json.Member.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The members of each {@link JsonLayout} preset, with the target schema's field names, and the
 * attributes each writes unless {@code fields} says otherwise. Caller-location members are in
 * every preset but off by default, because capturing the caller costs a stack walk per record.
 */
final class Presets {
    /** The context keys {@code dev.cairn.context.TraceContext} sets. */
    static final String TRACE_ID = dev.cairn.context.TraceContext.TRACE_ID;
    static final String SPAN_ID = dev.cairn.context.TraceContext.SPAN_ID;
    static final String TRACE_FLAGS = dev.cairn.context.TraceContext.TRACE_FLAGS;

    private static final Set<String> LOCATION = Set.of("pathname", "filename", "module", "lineno", "funcName", "className");

    private Presets() {}

    /** A preset: every member it knows, and the attributes written by default (null for all). */
    static final class Spec {
        final List<Member> members;
        final Set<String> defaults;
        final boolean structuredExceptions;

        Spec(List<Member> members, Set<String> defaults, boolean structuredExceptions) {
            this.members = members;
            this.defaults = defaults;
            this.structuredExceptions = structuredExceptions;
        }
    }

    static Spec spec(String preset, Map<String, ?> options) {
        switch (preset) {
            case "cairn": return cairn();
            case "python": return python();
            case "ecs": return ecs();
            case "logstash": return logstash();
            case "gcp": return gcp(JsonLayout.string(options, "project", null));
            case "otel": return otel(JsonLayout.map(options, "resource"));
            default:
                throw new IllegalArgumentException("unknown JSON preset '" + preset + "' (expected one of " + JsonLayout.PRESETS + ")");
        }
    }

    /** Cairn's own: short keys, ISO time, the exception as an object. */
    private static Spec cairn() {
        List<Member> m = new ArrayList<>();
        m.add(Member.of("timestamp", "timestamp", Source.TIME_ISO));
        m.add(Member.of("levelname", "level", Source.LEVELNAME));
        m.add(Member.of("name", "logger", Source.NAME));
        m.add(Member.of("message", "message", Source.MESSAGE));
        m.add(Member.of("threadName", "thread", Source.THREADNAME));
        addLocation(m, "pathname", "filename", "module", "lineno", "funcName");
        m.add(Member.of("exception", "exception", Source.EXCEPTION));
        m.add(Member.of("error_fingerprint", "error_fingerprint", Source.FINGERPRINT));
        m.add(Member.of("stack_info", "stack_info", Source.STACK_INFO));
        m.add(rest());
        return new Spec(m, notLocation(m), true);
    }

    /** python-json-logger's output for {@code "%(asctime)s %(levelname)s %(name)s %(message)s"}. */
    private static Spec python() {
        List<Member> m = new ArrayList<>();
        m.add(Member.of("asctime", "asctime", Source.ASCTIME));
        m.add(Member.of("levelname", "levelname", Source.LEVELNAME));
        m.add(Member.of("name", "name", Source.NAME));
        m.add(Member.of("message", "message", Source.MESSAGE));
        addLocation(m, "pathname", "filename", "module", "lineno", "funcName");
        m.add(Member.of("exception", "exc_info", Source.EXC_TEXT));
        m.add(Member.of("stack_info", "stack_info", Source.STACK_INFO));
        m.add(rest());
        return new Spec(m, notLocation(m), false);
    }

    /** Elastic Common Schema as the ecs-logging libraries write it: dotted top-level keys. */
    private static Spec ecs() {
        List<Member> m = new ArrayList<>();
        m.add(Member.of("timestamp", "@timestamp", Source.TIME_ISO));
        m.add(Member.of("levelname", "log.level", Source.LEVELNAME));
        m.add(Member.of("message", "message", Source.MESSAGE));
        m.add(new Member(null, "ecs.version", Source.CONSTANT, "1.6.0", null));
        m.add(Member.of("name", "log.logger", Source.NAME));
        m.add(Member.of("threadName", "process.thread.name", Source.THREADNAME));
        m.add(Member.of("process", "process.pid", Source.PROCESS));
        m.add(Member.of("pathname", "log.origin.file.name", Source.PATHNAME));
        m.add(Member.of("lineno", "log.origin.file.line", Source.LINENO));
        m.add(Member.of("funcName", "log.origin.function", Source.FUNCNAME));
        m.add(user(TRACE_ID, "trace.id"));
        m.add(user(SPAN_ID, "span.id"));
        m.add(Member.of("exc_type", "error.type", Source.EXC_TYPE));
        m.add(Member.of("exc_message", "error.message", Source.EXC_MESSAGE));
        m.add(Member.of("exception", "error.stack_trace", Source.EXC_TEXT));
        // Elastic APM's name for the hash errors are grouped by.
        m.add(Member.of("error_fingerprint", "error.grouping_key", Source.FINGERPRINT));
        m.add(rest());
        return new Spec(m, notLocation(m), false);
    }

    /** logstash-logback-encoder's LogstashEncoder, with caller data off as there. */
    private static Spec logstash() {
        List<Member> m = new ArrayList<>();
        m.add(Member.of("timestamp", "@timestamp", Source.TIME_ISO));
        m.add(new Member(null, "@version", Source.CONSTANT, "1", null));
        m.add(Member.of("message", "message", Source.MESSAGE));
        m.add(Member.of("name", "logger_name", Source.NAME));
        m.add(Member.of("threadName", "thread_name", Source.THREADNAME));
        m.add(Member.of("levelname", "level", Source.LEVELNAME));
        m.add(Member.of("levelno", "level_value", Source.LEVEL_VALUE));
        m.add(Member.of("className", "caller_class_name", Source.CLASSNAME));
        m.add(Member.of("funcName", "caller_method_name", Source.FUNCNAME));
        m.add(Member.of("filename", "caller_file_name", Source.FILENAME));
        m.add(Member.of("lineno", "caller_line_number", Source.LINENO));
        m.add(Member.of("exception", "stack_trace", Source.EXC_TEXT));
        m.add(Member.of("error_fingerprint", "error_fingerprint", Source.FINGERPRINT));
        m.add(rest());
        return new Spec(m, notLocation(m), false);
    }

    /** Google Cloud Logging's structured JSON: the special keys its agents lift into the LogEntry. */
    private static Spec gcp(String project) {
        List<Member> m = new ArrayList<>();
        m.add(Member.of("timestamp", "time", Source.TIME_ISO));
        m.add(Member.of("levelname", "severity", Source.GCP_SEVERITY));
        m.add(Member.of("message", "message", Source.MESSAGE));
        m.add(Member.of("name", "logger", Source.NAME));
        m.add(Member.of("threadName", "thread", Source.THREADNAME));
        m.add(new Member(null, "logging.googleapis.com/sourceLocation", Source.GROUP, null, List.of(
                Member.of("pathname", "file", Source.PATHNAME),
                Member.of("lineno", "line", Source.LINENO_TEXT),
                Member.of("funcName", "function", Source.FUNCNAME))));
        m.add(new Member(TRACE_ID, "logging.googleapis.com/trace", Source.GCP_TRACE, project, null));
        m.add(user(SPAN_ID, "logging.googleapis.com/spanId"));
        m.add(new Member(TRACE_FLAGS, "logging.googleapis.com/trace_sampled", Source.TRACE_SAMPLED, TRACE_FLAGS, null));
        // Error Reporting looks for a stack trace in "stack_trace".
        m.add(Member.of("exception", "stack_trace", Source.EXC_TEXT));
        m.add(Member.of("error_fingerprint", "error_fingerprint", Source.FINGERPRINT));
        m.add(rest());
        return new Spec(m, notLocation(m), false);
    }

    /** The OpenTelemetry log data model's top-level fields, with semantic-convention attribute names. */
    private static Spec otel(Map<String, Object> resource) {
        List<Member> m = new ArrayList<>();
        m.add(Member.of("timestamp", "Timestamp", Source.TIME_NANOS));
        m.add(user(TRACE_ID, "TraceId"));
        m.add(user(SPAN_ID, "SpanId"));
        m.add(new Member(TRACE_FLAGS, "TraceFlags", Source.TRACE_FLAGS_NUMBER, TRACE_FLAGS, null));
        m.add(Member.of("levelname", "SeverityText", Source.LEVELNAME));
        m.add(Member.of("levelno", "SeverityNumber", Source.OTEL_SEVERITY_NUMBER));
        m.add(Member.of("message", "Body", Source.MESSAGE));
        if (!resource.isEmpty()) m.add(new Member(null, "Resource", Source.CONSTANT, resource, null));
        m.add(new Member(null, "InstrumentationScope", Source.GROUP, null, List.of(Member.of("name", "Name", Source.NAME))));
        m.add(new Member(null, "Attributes", Source.GROUP, null, List.of(
                Member.of("threadName", "thread.name", Source.THREADNAME),
                Member.of("thread", "thread.id", Source.THREAD),
                Member.of("pathname", "code.filepath", Source.PATHNAME),
                Member.of("lineno", "code.lineno", Source.LINENO),
                Member.of("funcName", "code.function", Source.FUNCNAME),
                Member.of("exc_type", "exception.type", Source.EXC_TYPE),
                Member.of("exc_message", "exception.message", Source.EXC_MESSAGE),
                Member.of("exception", "exception.stacktrace", Source.EXC_TEXT),
                Member.of("error_fingerprint", "exception.fingerprint", Source.FINGERPRINT),
                rest())));
        return new Spec(m, notLocation(m), false);
    }

    private static Member rest() {
        return new Member(null, null, Source.REST, null, null);
    }

    private static Member user(String contextKey, String key) {
        return new Member(contextKey, key, Source.USER, contextKey, null);
    }

    private static void addLocation(List<Member> m, String... attributes) {
        for (String a : attributes) m.add(plain(a));
    }

    /** Every attribute the preset's members show except the caller-location ones. */
    private static Set<String> notLocation(List<Member> members) {
        Set<String> out = new java.util.HashSet<>();
        collect(members, out);
        out.removeAll(LOCATION);
        return out;
    }

    private static void collect(List<Member> members, Set<String> out) {
        for (Member m : members) {
            if (m.attribute != null) out.add(m.attribute);
            collect(List.of(m.children), out);
        }
    }

    /** A member for {@code name} under its own name: a record attribute, or else a context or record field. */
    static Member plain(String name) {
        Source s = attributeSource(name);
        return s != null ? Member.of(name, name, s) : new Member(name, name, Source.USER, name, null);
    }

    /** The source of a Python or Cairn attribute name, or null when it is not one. */
    static Source attributeSource(String name) {
        switch (name) {
            case "timestamp": return Source.TIME_ISO;
            case "asctime": return Source.ASCTIME;
            case "created": return Source.CREATED;
            case "msecs": return Source.MSECS;
            case "relativeCreated": return Source.RELATIVE_CREATED;
            case "levelname": return Source.LEVELNAME;
            case "levelno": return Source.LEVELNO;
            case "name": return Source.NAME;
            case "message": return Source.MESSAGE;
            case "msg": return Source.MSG;
            case "pathname": return Source.PATHNAME;
            case "filename": return Source.FILENAME;
            case "module": return Source.MODULE;
            case "lineno": return Source.LINENO;
            case "funcName": return Source.FUNCNAME;
            case "className": return Source.CLASSNAME;
            case "thread": return Source.THREAD;
            case "threadName": return Source.THREADNAME;
            case "process": return Source.PROCESS;
            case "processName": return Source.PROCESSNAME;
            case "exc_info": case "exc_text": return Source.EXC_TEXT;
            case "exc_type": return Source.EXC_TYPE;
            case "exc_message": return Source.EXC_MESSAGE;
            case "exception": return Source.EXCEPTION;
            case "stack_info": return Source.STACK_INFO;
            case "error_fingerprint": return Source.FINGERPRINT;
            default: return null;
        }
    }
}
