package org.kairan.server.record;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSTypedData;

/**
 * The bytes a PDF signature covers, read from the file as its {@code /ByteRange} says: from the start to
 * the signature's {@code /Contents}, and from after it to the end of the range. Streamed from the file
 * (never all in memory) into the digest of the CMS verification.
 *
 * @param file        the PDF
 * @param firstLength length of the first range (it starts at 0)
 * @param secondStart where the second range starts
 * @param secondLength its length
 */
record SignedRanges(Path file, long firstLength, long secondStart, long secondLength) implements CMSTypedData {

    /** The /Contents hex string between the two ranges, with its angle brackets. */
    byte[] gap() throws IOException {
        long length = secondStart - firstLength;
        if (length < 2 || length > 1 << 20) {
            throw new IOException("the gap between the signed ranges is " + length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(firstLength);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read until full
            }
        }
        return buffer.array();
    }

    @Override
    public ASN1ObjectIdentifier getContentType() {
        return CMSObjectIdentifiers.data;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        try (SeekableByteChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            copy(channel, 0, firstLength, out);
            copy(channel, secondStart, secondLength, out);
        }
    }

    @Override
    public Object getContent() {
        return this;
    }

    private static void copy(SeekableByteChannel channel, long from, long length, OutputStream out) throws IOException {
        channel.position(from);
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long done = 0;
        while (done < length) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), length - done));
            int n = channel.read(buffer);
            if (n < 0) {
                throw new IOException("the file ends inside the signed range");
            }
            out.write(buffer.array(), 0, n);
            done += n;
        }
    }
}
