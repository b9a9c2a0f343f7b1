package org.lamindb.spark;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.lamindb.storage.StorageBackend;

/**
 * A Parquet {@link InputFile} over an object of a LaminDB storage backend, read by ranged GETs of
 * at most {@value #WINDOW} bytes: reading a footer costs one request (the tail window holds the
 * length, magic and, for ordinary files, the footer itself); nothing is staged to disk.
 */
final class RangedInputFile implements InputFile {
  static final int WINDOW = 64 * 1024;

  private final StorageBackend backend;
  private final String key;
  private final long length;

  RangedInputFile(StorageBackend backend, String key, long length) {
    this.backend = backend;
    this.key = key;
    this.length = length;
  }

  @Override
  public long getLength() {
    return length;
  }

  @Override
  public SeekableInputStream newStream() {
    Window w = new Window();
    return new DelegatingSeekableInputStream(w) {
      @Override
      public long getPos() {
        return w.pos;
      }

      @Override
      public void seek(long newPos) {
        w.pos = newPos;
      }
    };
  }

  @Override
  public String toString() {
    return backend.root() + "/" + key;
  }

  /** The bytes of one window of the object, refetched when a read leaves it. */
  private final class Window extends InputStream {
    long pos;
    private long start = -1;
    private byte[] buf = new byte[0];

    @Override
    public int read() throws IOException {
      if (pos >= length) {
        return -1;
      }
      ensure();
      return buf[(int) (pos++ - start)] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (pos >= length) {
        return -1;
      }
      ensure();
      int n = (int) Math.min(len, start + buf.length - pos);
      System.arraycopy(buf, (int) (pos - start), b, off, n);
      pos += n;
      return n;
    }

    private void ensure() throws IOException {
      if (start >= 0 && pos >= start && pos < start + buf.length) {
        return;
      }
      // a read near the end fetches the whole tail: footer length, magic and footer at once
      long from = pos >= length - WINDOW ? Math.max(0, length - WINDOW) : pos;
      long n = Math.min(WINDOW, length - from);
      try (InputStream in = backend.open(key, from, n)) {
        buf = in.readNBytes((int) n);
      }
      start = from;
      if (pos >= start + buf.length) {
        throw new EOFException(RangedInputFile.this + " ended at " + (start + buf.length));
      }
    }
  }
}
