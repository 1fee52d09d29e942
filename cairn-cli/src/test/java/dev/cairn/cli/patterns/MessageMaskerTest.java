package dev.cairn.cli.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageMaskerTest {

    private static String mask(String message) {
        MessageMasker masker = new MessageMasker();
        masker.mask(message);
        return masker.keyString();
    }

    @Test
    void wordsWithDigitsBecomeWildcards() {
        assertThat(mask("PacketResponder 1 for block blk_38865049064139660 terminating"))
                .isEqualTo("PacketResponder <*> for block <*> terminating");
    }

    @Test
    void punctuationSplitsWordsSoOnlyTheValueIsMasked() {
        assertThat(mask("uid=0 euid=0 tty=ssh ruser= rhost=5.36.59.76"))
                .isEqualTo("uid=<*> euid=<*> tty=ssh ruser= rhost=<*>");
        assertThat(mask("Received block src: /10.250.19.102:54106")).isEqualTo("Received block src: <*>:<*>");
    }

    @Test
    void hexGroupsAndAddressesAreOneValue() {
        assertThat(mask("chip FF:F2:9F:16:EB:27:00:0D:60:E9:14:D8 ok")).isEqualTo("chip <*> ok");
        assertThat(mask("from fe80::1ff:fe23:4567:890a")).isEqualTo("from <*>");
    }

    @Test
    void pathsAreValuesEvenWithoutDigits() {
        assertThat(mask("Error loading /home/yates/torus-latency.rts: missing"))
                .isEqualTo("Error loading <*>: missing");
        assertThat(mask("loading ./runtime_malloc now")).isEqualTo("loading <*> now");
        assertThat(mask("I/O error")).isEqualTo("I/O error");
    }

    @Test
    void numberWithUnitIsOneValue() {
        assertThat(mask("(estimated size 93.0 B, free 317.1 KB)")).isEqualTo("(estimated size <*>, free <*>)");
    }

    @Test
    void datesWithMonthAndDayNamesAreOneValue() {
        assertThat(mask("status=M Thu Aug 11 13:44:53 PDT 2005")).isEqualTo("status=M <*> <*>:<*>:<*> PDT <*>");
        assertThat(mask("May I ask")).isEqualTo("May I ask");
    }

    @Test
    void runsOfValuesCollapseSoListsOfAnyLengthShareAKey() {
        assertThat(mask("delete blk_1 blk_2 blk_3")).isEqualTo(mask("delete blk_9"));
    }

    @Test
    void whitespaceRunsAndEmptyMessages() {
        assertThat(mask("  a \t b  ")).isEqualTo("a b");
        assertThat(mask("")).isEmpty();
        assertThat(mask("   ")).isEmpty();
    }

    @Test
    void dotPaddingSeparatesTheValue() {
        assertThat(mask("data store interrupt caused by icbi.........0"))
                .isNotEqualTo(mask("data store interrupt caused by dcbf.........0"));
    }

    @Test
    void hugeTokensGrowTheBuffers() {
        String huge = "x".repeat(100_000) + " 1";
        assertThat(mask(huge)).isEqualTo("x".repeat(100_000) + " <*>");
        assertThat(mask("a ".repeat(10_000))).hasSize(2 * 10_000 - 1);
    }
}
