package dev.cairn.cli.html;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A self-contained HTML page: inline CSS, inline SVG charts, no scripts, fonts or other external
 * resources, so the file can be mailed or attached to a ticket and opened anywhere. Build it with
 * {@link #section}, {@link #raw} and {@link #table}, then take {@link #toString}. Not thread safe.
 */
public final class Html {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;color:#1f2328;background:#fff}
            header{background:#24292f;color:#fff;padding:18px 32px}
            header h1{margin:0;font-size:22px}header p{margin:4px 0 0;color:#c9d1d9}
            main{padding:8px 32px 48px;max-width:1200px}
            h2{font-size:18px;border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-top:32px}
            h3{font-size:15px;margin:20px 0 6px}
            nav a{margin-right:14px;color:#0969da;text-decoration:none}
            table{border-collapse:collapse;margin:8px 0;font-size:13px}
            th,td{border-bottom:1px solid #eaeef2;padding:4px 10px;text-align:left;vertical-align:top}
            th{background:#f6f8fa;font-weight:600}
            td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            pre{background:#f6f8fa;padding:8px;overflow:auto;max-height:240px;margin:4px 0}
            .chart{margin:8px 0 16px}.chart svg{width:100%;height:auto;max-width:1000px;display:block}
            .nowrap{white-space:nowrap}
            .err{color:#cf222e;font-weight:600}.warn{color:#9a6700}.muted{color:#57606a}
            .cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
            .card{border:1px solid #d0d7de;border-radius:6px;padding:10px 16px;min-width:120px}
            .card b{display:block;font-size:22px}
            tr.root td{background:#ffebe9}tr.gap td{border-top:2px dashed #f2a541}
            """;

    private final StringBuilder body = new StringBuilder();
    private final String title;

    /** A page titled {@code title}, with {@code subtitle} under it (may be null). */
    public Html(String title, String subtitle) {
        this.title = title;
        body.append("<header><h1>").append(escape(title)).append("</h1>");
        if (subtitle != null) {
            body.append("<p>").append(escape(subtitle)).append("</p>");
        }
        body.append("</header>\n<main>\n");
    }

    /** Text with {@code & < > " '} escaped for HTML content and attributes. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters other than tab and newline are not allowed in HTML text.
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Starts a section with a heading whose anchor is {@code id}. */
    public Html section(String id, String heading) {
        body.append("<h2 id=\"").append(escape(id)).append("\">").append(escape(heading)).append("</h2>\n");
        return this;
    }

    /** A smaller heading inside a section. */
    public Html subheading(String heading) {
        body.append("<h3>").append(escape(heading)).append("</h3>\n");
        return this;
    }

    /** A paragraph of plain text. */
    public Html paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** Markup written as is; the caller escapes any text in it. */
    public Html raw(String markup) {
        body.append(markup).append('\n');
        return this;
    }

    /** An SVG chart in its frame. */
    public Html chart(String svg) {
        body.append("<div class=\"chart\">").append(svg).append("</div>\n");
        return this;
    }

    /** Summary figures as cards: label, value pairs. */
    public Html cards(String... labelsAndValues) {
        body.append("<div class=\"cards\">");
        for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
            body.append("<div class=\"card\"><b>").append(escape(labelsAndValues[i + 1])).append("</b>")
                    .append(escape(labelsAndValues[i])).append("</div>");
        }
        body.append("</div>\n");
        return this;
    }

    /**
     * A table; cells are escaped text, except cells starting with {@code <} which are taken as
     * markup the caller built. Cells that are numbers are right-aligned.
     */
    public Html table(String[] headings, Iterable<String[]> rows) {
        body.append("<table><thead><tr>");
        for (String h : headings) {
            body.append("<th>").append(escape(h)).append("</th>");
        }
        body.append("</tr></thead><tbody>\n");
        for (String[] row : rows) {
            body.append("<tr>");
            for (String cell : row) {
                boolean number = cell != null && cell.matches("[-+]?[\\d,.]+%?( ms| s)?");
                body.append(number ? "<td class=\"n\">" : "<td>")
                        .append(cell != null && cell.startsWith("<") ? cell : escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table>\n");
        return this;
    }

    /** The whole document. */
    @Override
    public String toString() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<meta name=\"generator\" content=\"cairn\"><title>" + escape(title) + "</title><style>" + STYLE
                + "</style></head><body>\n" + body + "<p class=\"muted\">Written by cairn at " + Instant.now()
                + ".</p>\n</main></body></html>\n";
    }

    /** Writes the document to {@code file} as UTF-8. */
    public void write(java.nio.file.Path file) throws java.io.IOException {
        java.nio.file.Files.writeString(file, toString(), StandardCharsets.UTF_8);
    }
}
