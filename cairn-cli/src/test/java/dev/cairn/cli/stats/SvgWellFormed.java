package dev.cairn.cli.stats;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Finds the inline SVG charts of an HTML page and parses each as XML, failing on any that is not well formed. */
public final class SvgWellFormed {

    private SvgWellFormed() {
    }

    /** The parsed charts of {@code page}, in order. */
    public static List<Document> charts(String page) throws Exception {
        List<Document> out = new ArrayList<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (int at = page.indexOf("<svg"); at >= 0; at = page.indexOf("<svg", at + 1)) {
            int end = page.indexOf("</svg>", at) + "</svg>".length();
            String svg = page.substring(at, end);
            out.add(factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
        }
        return out;
    }
}
