package dev.cairn.cli.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How many bytes of text a compressed file holds per byte on disk, so that a progress bar over
 * files' sizes on disk moves at the pace of the reading instead of reaching 100 % when a fifth of a
 * gzipped file is read. gzip writes the text's size (modulo 2^32) in its last four bytes; other
 * files count 1, and the progress of a file is then held at its size until it is read.
 */
final class CompressedSize {

    private CompressedSize() {
    }

    /** Bytes of text per byte of {@code file} ({@code size} bytes on disk); 1 when not known. */
    static double uncompressedPerDiskByte(Path file, long size) {
        if (size < 18) {
            return 1;  // shorter than a gzip header and trailer
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer magic = ByteBuffer.allocate(2);
            channel.read(magic, 0);
            if ((magic.get(0) & 0xff) != 0x1f || (magic.get(1) & 0xff) != 0x8b) {
                return 1;
            }
            ByteBuffer trailer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(trailer, size - 4);
            long text = trailer.getInt(0) & 0xffff_ffffL;
            // Over 4 GiB of text the field has wrapped; a file that grows when compressed is not worth a ratio.
            return text > size ? (double) text / size : 1;
        } catch (IOException e) {
            return 1;  // progress only: reading the file itself reports the problem
        }
    }
}
