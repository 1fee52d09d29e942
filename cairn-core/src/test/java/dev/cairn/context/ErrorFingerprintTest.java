package dev.cairn.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fingerprint groups one failure whatever its message or line numbers, and tells different failures apart. */
class ErrorFingerprintTest {
    @AfterEach
    void restore() {
        ErrorFingerprint.setAppPackages();
    }

    private static RuntimeException fail(String message, int line, Throwable cause) {
        RuntimeException e = new IllegalStateException(message, cause);
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.shop.Orders", "checkout", "Orders.java", line),
            new StackTraceElement("java.util.ArrayList", "forEach", "ArrayList.java", 1511),
            new StackTraceElement("com.shop.Web", "handle", "Web.java", line + 10),
        });
        return e;
    }

    @Test
    void messagesAndLineNumbersDoNotChangeIt() {
        assertThat(ErrorFingerprint.of(fail("order 1 failed", 10, null)))
                .isEqualTo(ErrorFingerprint.of(fail("order 2 failed", 99, null)))
                .matches("[0-9a-f]{16}");
    }

    @Test
    void typeFramesAndCausesDo() {
        String base = ErrorFingerprint.of(fail("m", 1, null));
        RuntimeException other = new IllegalArgumentException("m");
        other.setStackTrace(fail("m", 1, null).getStackTrace());
        assertThat(ErrorFingerprint.of(other)).isNotEqualTo(base);
        RuntimeException moved = fail("m", 1, null);
        StackTraceElement[] f = moved.getStackTrace();
        f[0] = new StackTraceElement("com.shop.Orders", "refund", "Orders.java", 1);
        moved.setStackTrace(f);
        assertThat(ErrorFingerprint.of(moved)).isNotEqualTo(base);
        assertThat(ErrorFingerprint.of(fail("m", 1, new java.io.IOException("x")))).isNotEqualTo(base);
    }

    @Test
    void libraryFramesAreIgnoredAndAppPackagesNarrowTheFrames() {
        RuntimeException a = fail("m", 1, null);
        RuntimeException b = fail("m", 1, null);
        StackTraceElement[] f = b.getStackTrace();
        f[1] = new StackTraceElement("jdk.internal.Foo", "bar", "Foo.java", 3);
        b.setStackTrace(f);
        assertThat(ErrorFingerprint.of(a)).isEqualTo(ErrorFingerprint.of(b));
        ErrorFingerprint.setAppPackages("com.shop.Orders");
        RuntimeException c = fail("m", 1, null);
        StackTraceElement[] g = c.getStackTrace();
        g[2] = new StackTraceElement("com.shop.Api", "serve", "Api.java", 3);
        c.setStackTrace(g);
        assertThat(ErrorFingerprint.of(c)).isEqualTo(ErrorFingerprint.of(a));
    }

    @Test
    void generatedClassNamesAreNormalised() {
        assertThat(ErrorFingerprint.normalise("com.shop.Orders$$Lambda$14/0x0000000800c03000")).isEqualTo("com.shop.Orders$$Lambda");
        assertThat(ErrorFingerprint.normalise("com.sun.proxy.$Proxy12")).isEqualTo("com.sun.proxy.$Proxy");
    }

    @Test
    void aCauseCycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(ErrorFingerprint.of(a)).hasSize(16);
    }
}
