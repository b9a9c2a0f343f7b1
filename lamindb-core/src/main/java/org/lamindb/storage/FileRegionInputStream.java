package org.lamindb.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;

/**
 * Streams a byte range of a file (e.g. one multipart-upload part) and reports every chunk read.
 * Object-store uploads read files through it, so no more than one small buffer of a file is ever in
 * memory at a time.
 */
public final class FileRegionInputStream extends InputStream {

  private final FileChannel channel;
  private final long end;
  private final LongConsumer onRead;
  private long position;

  /**
   * @param file the file
   * @param offset first byte of the region
   * @param length bytes in the region
   * @param onRead receives the number of bytes of every read (for progress); may throw to abort the
   *     transfer
   */
  public FileRegionInputStream(Path file, long offset, long length, LongConsumer onRead)
      throws IOException {
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.position = offset;
    this.end = offset + length;
    this.onRead = onRead == null ? n -> {} : onRead;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    long left = end - position;
    if (left <= 0) {
      return -1;
    }
    ByteBuffer buffer = ByteBuffer.wrap(b, off, (int) Math.min(len, left));
    int n = channel.read(buffer, position);
    if (n < 0) {
      throw new IOException("file shrank during upload (expected data up to byte " + end + ")");
    }
    position += n;
    onRead.accept(n);
    return n;
  }

  @Override
  public long skip(long n) {
    long skipped = Math.max(0, Math.min(n, end - position));
    position += skipped;
    return skipped;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, end - position);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
