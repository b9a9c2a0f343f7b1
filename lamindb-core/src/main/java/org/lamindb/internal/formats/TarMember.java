package org.lamindb.internal.formats;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipException;

/**
 * Opens the one data file inside a tar stream ({@code .csv.tar.gz}, as pandas reads them): headers
 * of pax, GNU long-name and directory entries are skipped, the first regular file is returned as a
 * stream bounded by its size. Header checksums are verified, so a stream that is not a tar archive
 * fails instead of yielding garbage.
 */
final class TarMember {
  private static final int BLOCK = 512;

  private TarMember() {}

  /**
   * @return the content of the first regular file in {@code tar}
   */
  static InputStream firstFile(InputStream tar) throws IOException {
    byte[] header = new byte[BLOCK];
    while (true) {
      if (tar.readNBytes(header, 0, BLOCK) < BLOCK) {
        throw new EOFException("the tar archive ends before its first file");
      }
      if (isZero(header)) {
        throw new EOFException("the tar archive holds no file");
      }
      verifyChecksum(header);
      long size = octal(header, 124, 12);
      char type = (char) header[156];
      long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
      if (type == '0' || type == '\0' || type == '7') {
        return new Bounded(tar, size);
      }
      // pax ('x', 'g'), GNU long names ('L', 'K'), directories ('5'), links: skip the entry's data
      tar.skipNBytes(padded);
    }
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  private static void verifyChecksum(byte[] h) throws IOException {
    long stored = octal(h, 148, 8);
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
    }
    if (sum != stored) {
      throw new ZipException("not a tar archive (header checksum mismatch)");
    }
  }

  private static long octal(byte[] h, int off, int len) throws IOException {
    long v = 0;
    int end = off + len;
    int i = off;
    while (i < end && (h[i] == ' ' || h[i] == 0)) {
      i++;
    }
    for (; i < end && h[i] >= '0' && h[i] <= '7'; i++) {
      v = v * 8 + (h[i] - '0');
      if (v > (1L << 40)) {
        throw new ZipException("tar header size out of range");
      }
    }
    if (i < end && h[i] != ' ' && h[i] != 0) {
      throw new ZipException(
          "not a tar archive (bad octal field '"
              + new String(h, off, len, StandardCharsets.US_ASCII).trim()
              + "')");
    }
    return v;
  }

  /** A view of the next {@code left} bytes of the archive. */
  private static final class Bounded extends FilterInputStream {
    private long left;

    Bounded(InputStream in, long size) {
      super(in);
      this.left = size;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b < 0) {
        throw new EOFException("the tar archive is truncated");
      }
      left--;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new EOFException("the tar archive is truncated");
      }
      left -= n;
      return n;
    }
  }
}
