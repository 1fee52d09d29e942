package dev.cairn.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a report in a real headless Chromium and checks that every chart renders. A copy of the
 * page with a measuring script says where the browser laid each chart out and, per chart, how
 * much area its shapes of each colour cover; a full-length screenshot of the report itself (no
 * script) must then show that many pixels of the chart's main colour inside the chart's box.
 *
 * <p>Chromium comes from Debian ({@code .ci/setup-chromium}, run by {@code ./run-tests}). Without
 * it the test skips on a developer's machine, and fails under CI, where it must run.
 */
class ReportChromiumTest {

    private static final int WIDTH = 1280;

    /** Tallest screenshot taken; charts below it are checked for layout only. */
    private static final int MAX_HEIGHT = 16_000;

    /**
     * Added to a copy of the report only. For each chart: its box in page coordinates, then per
     * fill or stroke colour the screen area its shapes cover (a line counts its length times its
     * width); also the page's full height.
     */
    private static final String MEASURE = """
            <script>
            var r=[];
            document.querySelectorAll('svg.cairn-chart').forEach(function(s){
              var b=s.getBoundingClientRect(), area={};
              s.querySelectorAll('rect,circle,polyline').forEach(function(e){
                var c=e.getBoundingClientRect(), paint=e.getAttribute('fill'), a=c.width*c.height;
                if(e.tagName==='polyline'){paint=e.getAttribute('stroke');a=Math.max(c.width,c.height)*2;}
                if(!paint||paint==='none'){paint=e.getAttribute('stroke');a=2*(c.width+c.height);}
                if(paint&&paint.charAt(0)==='#'){area[paint]=(area[paint]||0)+a;}
              });
              var parts=[Math.round(b.left),Math.round(b.top+window.scrollY),Math.round(b.width),Math.round(b.height)];
              for(var k in area){parts.push(k+'='+Math.round(area[k]));}
              r.push(parts.join(','));
            });
            var p=document.createElement('pre');p.id='cairn-measure';
            p.textContent=document.documentElement.scrollHeight+'|'+r.join(';');
            document.body.appendChild(p);document.title='charts:'+r.length;
            </script>""";

    @TempDir
    Path temp;

    /** A chart as laid out: its box, and its main colour with the area it should cover. */
    record Chart(int x, int y, int width, int height, int colour, long area) {
    }

    @Test
    void everyChartOfTheReportRendersInHeadlessChromium() throws Exception {
        Optional<Chromium> chromium = Chromium.find();
        if (chromium.isEmpty() && System.getenv("CI") != null) {
            Assertions.fail("chromium is missing under CI: .ci/setup-chromium should have installed it (see /tmp/setup-chromium.log)");
        }
        Assumptions.assumeTrue(chromium.isPresent(),
                "chromium is not installed and .ci/setup-chromium could not install it (needs root and apt-get)");
        Path logs = Files.createDirectories(temp.resolve("logs"));
        ReportFixtures.incident(logs);
        Path report = temp.resolve("report.html");
        Report.write(List.of(logs), report, Report.Options.defaults());
        String page = Files.readString(report, StandardCharsets.UTF_8);
        int charts = page.split("<svg", -1).length - 1;
        assertThat(charts).isGreaterThanOrEqualTo(10);

        Path measured = temp.resolve("measured.html");
        Files.writeString(measured, page.replace("</body>", MEASURE + "</body>"), StandardCharsets.UTF_8);
        String dom = chromium.get().dumpDom(measured, WIDTH, 1000, temp);
        assertThat(dom).contains("<title>charts:" + charts + "</title>");
        Matcher m = Pattern.compile("<pre id=\"cairn-measure\">(\\d+)\\|([^<]*)</pre>").matcher(dom);
        assertThat(m.find()).as("measurements in the dumped DOM").isTrue();
        int pageHeight = Integer.parseInt(m.group(1));
        List<Chart> laidOut = charts(m.group(2));
        assertThat(laidOut).hasSize(charts).allSatisfy(c -> {
            assertThat(c.width()).isGreaterThan(600);
            assertThat(c.height()).isGreaterThan(50);
            assertThat(c.area()).isGreaterThan(100);
        });

        int height = Math.min(pageHeight, MAX_HEIGHT);
        Path png = Files.createDirectories(Path.of("target", "chromium")).resolve("report.png").toAbsolutePath();
        chromium.get().screenshot(report, png, WIDTH, height, temp);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(height);
        assertThat(image.getRGB(5, 5) & 0xFFFFFF).as("the page header's dark band").isEqualTo(0x24292f);
        List<Chart> shown = laidOut.stream().filter(c -> c.y() + c.height() <= height).toList();
        assertThat(shown).hasSizeGreaterThanOrEqualTo(Math.min(charts, 10));
        for (Chart c : shown) {
            long pixels = count(image, c, rgb -> close(rgb, c.colour()));
            assertThat(pixels).as("pixels of #%06x in chart %s (of %d expected)", c.colour(), c, c.area())
                    .isGreaterThanOrEqualTo(c.area() / 2);
        }
        // Between the charts the page is white: the colours are where the charts are, not everywhere.
        Chart first = shown.get(0);
        Chart gapBelow = new Chart(0, first.y() + first.height() + 2, WIDTH, 6, first.colour(), 0);
        assertThat(count(image, gapBelow, rgb -> close(rgb, first.colour()))).isZero();
    }

    /** Each chart's box and the colour its shapes cover most of, from the measuring script's output. */
    private static List<Chart> charts(String measured) {
        List<Chart> out = new ArrayList<>();
        for (String item : measured.split(";")) {
            String[] f = item.split(",");
            int colour = 0;
            long area = 0;
            for (int i = 4; i < f.length; i++) {
                String[] kv = f[i].split("=");
                String hex = kv[0].substring(1);
                if (hex.length() == 3) {
                    hex = hex.replaceAll("(.)", "$1$1");
                }
                int rgb = Integer.parseInt(hex, 16);
                long a = Long.parseLong(kv[1]);
                if (rgb != 0xFFFFFF && a > area) {  // the chart's white background is no evidence
                    colour = rgb;
                    area = a;
                }
            }
            out.add(new Chart(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                    colour, area));
        }
        return out;
    }

    /** True when {@code rgb} is {@code colour} give or take anti-aliasing and colour management. */
    private static boolean close(int rgb, int colour) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((rgb >> shift & 0xFF) - (colour >> shift & 0xFF)) > 12) {
                return false;
            }
        }
        return true;
    }

    private static long count(BufferedImage image, Chart box, IntPredicate test) {
        long hits = 0;
        for (int y = Math.max(0, box.y()); y < Math.min(image.getHeight(), box.y() + box.height()); y++) {
            for (int x = Math.max(0, box.x()); x < Math.min(image.getWidth(), box.x() + box.width()); x++) {
                if (test.test(image.getRGB(x, y))) {
                    hits++;
                }
            }
        }
        return hits;
    }
}
