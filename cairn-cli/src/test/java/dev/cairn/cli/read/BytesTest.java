package dev.cairn.cli.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    void firstLaneIsTheLowestMarkedLaneWhateverIsMarkedAbove() {
        for (int lane = 0; lane < 8; lane++) {
            long lowest = 0x80L << (8 * lane);
            long above = lane == 7 ? 0 : 0x8080808080808080L << (8 * (lane + 1));
            assertThat(Bytes.firstLane(lowest)).as("lane %d alone", lane).isEqualTo(lane);
            assertThat(Bytes.firstLane(lowest | above)).as("lane %d and all above", lane).isEqualTo(lane);
        }
    }

    @Test
    void indexOfFindsTheByteWhereverTheSearchStarts() {
        byte[] line = "{\"level\":\"ERROR\",\"user\":\"alice\"}\n".getBytes(StandardCharsets.US_ASCII);
        for (int from = 0; from < line.length; from++) {
            assertThat(Bytes.indexOf(line, from, line.length, (byte) '\n')).isEqualTo(line.length - 1);
        }
        assertThat(Bytes.indexOf(line, 0, line.length, (byte) 'R')).isEqualTo(11);
        assertThat(Bytes.indexOf(line, 0, line.length - 1, (byte) '\n')).isEqualTo(-1);
        assertThat(Bytes.indexOf(line, 0, line.length, "alice".getBytes(StandardCharsets.US_ASCII))).isEqualTo(25);
    }
}
