package org.lamindb.internal.formats;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A minimal reader of Apache Thrift's compact protocol, enough to walk Parquet page headers. It
 * never allocates by a length read from the file: binary fields are skipped, and nesting depth and
 * element counts are bounded.
 */
final class ThriftCompactReader {
  static final int BOOL_TRUE = 1;
  static final int BOOL_FALSE = 2;
  static final int BYTE = 3;
  static final int I16 = 4;
  static final int I32 = 5;
  static final int I64 = 6;
  static final int DOUBLE = 7;
  static final int BINARY = 8;
  static final int LIST = 9;
  static final int SET = 10;
  static final int MAP = 11;
  static final int STRUCT = 12;
  private static final int MAX_DEPTH = 64;

  private final InputStream in;
  private final long maxBytes;
  private long consumed;

  /**
   * @param in the bytes
   * @param maxBytes how many bytes the structure may occupy at most (the rest of its column chunk)
   */
  ThriftCompactReader(InputStream in, long maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /**
   * @return bytes read so far
   */
  long consumed() {
    return consumed;
  }

  int readByte() throws IOException {
    if (consumed >= maxBytes) {
      throw new IOException("Thrift structure runs past the end of its column chunk");
    }
    int b = in.read();
    if (b < 0) {
      throw new EOFException("file ends inside a Thrift structure");
    }
    consumed++;
    return b;
  }

  long readVarint() throws IOException {
    long result = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      int b = readByte();
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new IOException("Thrift varint longer than 10 bytes");
  }

  long readZigzag() throws IOException {
    long v = readVarint();
    return (v >>> 1) ^ -(v & 1);
  }

  int readI32() throws IOException {
    long v = readZigzag();
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new IOException("Thrift i32 out of range: " + v);
    }
    return (int) v;
  }

  /** A field header: its id and compact type; type 0 means end of struct. */
  record Field(int id, int type) {}

  Field readFieldHeader(int lastId) throws IOException {
    int b = readByte();
    int type = b & 0x0f;
    if (type == 0) {
      return new Field(0, 0);
    }
    int delta = (b >>> 4) & 0x0f;
    int id = delta != 0 ? lastId + delta : (int) readZigzag();
    return new Field(id, type);
  }

  /** Skips a value of the given compact type. */
  void skip(int type) throws IOException {
    skip(type, 0);
  }

  private void skip(int type, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("Thrift structure nested deeper than " + MAX_DEPTH);
    }
    switch (type) {
      case BOOL_TRUE, BOOL_FALSE -> {}
      case BYTE -> readByte();
      case I16, I32, I64 -> readVarint();
      case DOUBLE -> skipBytes(8);
      case BINARY -> skipBytes(readVarint());
      case LIST, SET -> {
        int b = readByte();
        long size = (b >>> 4) & 0x0f;
        if (size == 15) {
          size = readVarint();
        }
        int elem = b & 0x0f;
        for (long i = 0; i < size; i++) {
          skipElement(elem, depth + 1);
        }
      }
      case MAP -> {
        long size = readVarint();
        if (size > 0) {
          int kv = readByte();
          for (long i = 0; i < size; i++) {
            skipElement((kv >>> 4) & 0x0f, depth + 1);
            skipElement(kv & 0x0f, depth + 1);
          }
        }
      }
      case STRUCT -> {
        int last = 0;
        while (true) {
          Field f = readFieldHeader(last);
          if (f.type() == 0) {
            return;
          }
          skip(f.type(), depth + 1);
          last = f.id();
        }
      }
      default -> throw new IOException("unknown Thrift compact type " + type);
    }
  }

  private void skipElement(int type, int depth) throws IOException {
    // inside containers a boolean takes one byte
    if (type == BOOL_TRUE || type == BOOL_FALSE) {
      readByte();
    } else {
      skip(type, depth);
    }
  }

  private void skipBytes(long n) throws IOException {
    if (n < 0 || consumed + n > maxBytes) {
      throw new IOException("Thrift binary length " + n + " runs past the end of its column chunk");
    }
    in.skipNBytes(n);
    consumed += n;
  }
}
