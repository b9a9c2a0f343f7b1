package org.lamindb.internal.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Structural checks of a Parquet file before DuckDB decodes it, for corruption DuckDB tolerates
 * silently: magic bytes and footer bounds, then a walk over every page header of every column chunk
 * (bounds, negative counts, page CRCs when the writer stored them and the caller asks, value counts
 * per chunk, repeated dictionary pages). Writers often omit {@code dictionary_page_offset} or the
 * encodings list, so neither is required. Page data is read only to verify a stored CRC.
 */
final class ParquetStructureCheck {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ENCRYPTED_MAGIC = "PARE".getBytes(StandardCharsets.US_ASCII);

  /**
   * Bytes read per page header: headers are usually under 100 bytes, and a wide file (30,000 gene
   * columns) has tens of thousands of pages, so reading little per header keeps the walk cheap.
   */
  private static final int HEADER_READ = 512;

  private static final int DATA_PAGE = 0;
  private static final int DICTIONARY_PAGE = 2;
  private static final int DATA_PAGE_V2 = 3;

  private ParquetStructureCheck() {}

  /** What the footer says about one column chunk (from DuckDB's {@code parquet_metadata}). */
  record Chunk(
      long rowGroup,
      String column,
      long numValues,
      String encodings,
      Long dictionaryPageOffset,
      long dataPageOffset,
      long totalCompressedSize,
      long totalUncompressedSize,
      String physicalType) {}

  /** Checks magic bytes and the footer length; returns the footer length. */
  static long checkEnvelope(Path path, FileChannel ch) throws IOException {
    long size = ch.size();
    if (size < 12) {
      throw FormatErrors.malformed(path, "Parquet", "the file has only " + size + " bytes", null);
    }
    ByteBuffer head = ByteBuffer.allocate(4);
    readFully(ch, head, 0);
    ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(ch, tail, size - 8);
    byte[] tailMagic = new byte[4];
    tail.position(4);
    tail.get(tailMagic);
    if (java.util.Arrays.equals(tailMagic, ENCRYPTED_MAGIC)
        || java.util.Arrays.equals(head.array(), ENCRYPTED_MAGIC)) {
      throw FormatErrors.malformed(
          path,
          "Parquet",
          "it is an encrypted Parquet file (magic 'PARE'); decryption keys are not supported",
          null);
    }
    if (!java.util.Arrays.equals(head.array(), MAGIC)
        || !java.util.Arrays.equals(tailMagic, MAGIC)) {
      throw FormatErrors.malformed(
          path,
          "Parquet",
          "the magic bytes 'PAR1' are missing at the start or end (truncated or not Parquet)",
          null);
    }
    long footer = Integer.toUnsignedLong(tail.getInt(0));
    if (footer == 0 || footer > size - 12) {
      throw FormatErrors.malformed(
          path,
          "Parquet",
          "footer length " + footer + " does not fit a file of " + size + " bytes",
          null);
    }
    return footer;
  }

  /** Reads the column chunk list through DuckDB. */
  static List<Chunk> chunks(Connection conn, String duckPath) throws SQLException {
    List<Chunk> out = new ArrayList<>();
    String sql =
        "SELECT row_group_id, path_in_schema, num_values, CAST(encodings AS VARCHAR),"
            + " dictionary_page_offset, data_page_offset, total_compressed_size,"
            + " total_uncompressed_size, type FROM parquet_metadata(?)";
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      ps.setString(1, duckPath);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long dict = rs.getLong(5);
          Long dictOffset = rs.wasNull() ? null : dict;
          out.add(
              new Chunk(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getString(4),
                  dictOffset,
                  rs.getLong(6),
                  rs.getLong(7),
                  rs.getLong(8),
                  rs.getString(9)));
        }
      }
    }
    return out;
  }

  /** Walks the pages of every chunk; throws a ValidationException at the first inconsistency. */
  static void checkPages(
      Path path, FileChannel ch, long footerLength, List<Chunk> chunks, boolean verifyCrc)
      throws IOException {
    long dataEnd = ch.size() - 8 - footerLength;
    for (Chunk c : chunks) {
      String where = "column '" + c.column() + "' in row group " + c.rowGroup();
      long start = c.dataPageOffset();
      boolean dictDeclared = c.dictionaryPageOffset() != null && c.dictionaryPageOffset() > 0;
      if (dictDeclared && c.dictionaryPageOffset() < start) {
        start = c.dictionaryPageOffset();
      }
      long end = start + c.totalCompressedSize();
      if (start < 4 || c.totalCompressedSize() < 0 || end > dataEnd) {
        throw FormatErrors.malformed(
            path,
            "Parquet",
            where + " spans bytes [" + start + ", " + end + ") outside the data area",
            null);
      }
      walkChunk(path, ch, c, where, start, end, verifyCrc);
    }
  }

  private static void walkChunk(
      Path path, FileChannel ch, Chunk c, String where, long start, long end, boolean verifyCrc)
      throws IOException {
    long pos = start;
    long values = 0;
    boolean first = true;
    byte[] buf = new byte[64 * 1024];
    while (pos < end) {
      InputStream in =
          new BufferedInputStream(Channels.newInputStream(ch.position(pos)), HEADER_READ);
      ThriftCompactReader r = new ThriftCompactReader(in, end - pos);
      PageHeader h;
      try {
        h = readPageHeader(r);
      } catch (IOException e) {
        throw FormatErrors.malformed(
            path,
            "Parquet",
            "unreadable page header at byte " + pos + " of " + where + ": " + e.getMessage(),
            e);
      }
      String at = "page at byte " + pos + " of " + where;
      if (h.compressedSize < 0 || h.uncompressedSize < 0 || h.numValues < 0) {
        throw FormatErrors.malformed(
            path, "Parquet", at + " has a negative size or value count", null);
      }
      long dataStart = pos + r.consumed();
      long next = dataStart + h.compressedSize;
      if (next > end) {
        throw FormatErrors.malformed(
            path, "Parquet", at + " runs past the end of its column chunk", null);
      }
      if (h.type == DICTIONARY_PAGE && !first) {
        throw FormatErrors.malformed(
            path, "Parquet", at + " is a second dictionary page in one column chunk", null);
      }
      if (h.type == DATA_PAGE || h.type == DATA_PAGE_V2) {
        values += h.numValues;
      }
      if (verifyCrc && h.crc != null) {
        CRC32 crc = new CRC32();
        ch.position(dataStart);
        InputStream raw = Channels.newInputStream(ch);
        long left = h.compressedSize;
        while (left > 0) {
          int n = raw.read(buf, 0, (int) Math.min(buf.length, left));
          if (n < 0) {
            throw FormatErrors.malformed(path, "Parquet", at + " is truncated", null);
          }
          crc.update(buf, 0, n);
          left -= n;
        }
        if ((int) crc.getValue() != h.crc) {
          throw FormatErrors.malformed(
              path, "Parquet", at + " fails its CRC-32 checksum (corrupted data)", null);
        }
      }
      first = false;
      pos = next;
    }
    if (values != c.numValues()) {
      throw FormatErrors.malformed(
          path,
          "Parquet",
          where
              + " has "
              + values
              + " values in its pages but its metadata declares "
              + c.numValues(),
          null);
    }
  }

  private static final class PageHeader {
    int type = -1;
    int uncompressedSize = -1;
    int compressedSize = -1;
    Integer crc;
    int numValues;
  }

  private static PageHeader readPageHeader(ThriftCompactReader r) throws IOException {
    PageHeader h = new PageHeader();
    int last = 0;
    while (true) {
      ThriftCompactReader.Field f = r.readFieldHeader(last);
      if (f.type() == 0) {
        break;
      }
      switch (f.id()) {
        case 1 -> h.type = expectI32(r, f);
        case 2 -> h.uncompressedSize = expectI32(r, f);
        case 3 -> h.compressedSize = expectI32(r, f);
        case 4 -> h.crc = expectI32(r, f);
        case 5, 7, 8 -> h.numValues = readNumValues(r, f);
        default -> r.skip(f.type());
      }
      last = f.id();
    }
    if (h.type < 0 || h.compressedSize == -1 && h.uncompressedSize == -1) {
      throw new IOException("page header lacks its required fields");
    }
    return h;
  }

  private static int expectI32(ThriftCompactReader r, ThriftCompactReader.Field f)
      throws IOException {
    if (f.type() != ThriftCompactReader.I32) {
      throw new IOException("field " + f.id() + " has Thrift type " + f.type() + ", expected i32");
    }
    return r.readI32();
  }

  /** Reads field 1 (num_values) of a data/dictionary/v2 page header struct, skipping the rest. */
  private static int readNumValues(ThriftCompactReader r, ThriftCompactReader.Field outer)
      throws IOException {
    if (outer.type() != ThriftCompactReader.STRUCT) {
      throw new IOException("field " + outer.id() + " is not a struct");
    }
    int numValues = 0;
    int last = 0;
    while (true) {
      ThriftCompactReader.Field f = r.readFieldHeader(last);
      if (f.type() == 0) {
        return numValues;
      }
      if (f.id() == 1) {
        numValues = expectI32(r, f);
      } else {
        r.skip(f.type());
      }
      last = f.id();
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos + buf.position());
      if (n < 0) {
        throw new java.io.EOFException("unexpected end of file");
      }
    }
    buf.flip();
  }

  /** Opens a read-only channel. */
  static FileChannel open(Path path) throws IOException {
    return FileChannel.open(path, StandardOpenOption.READ);
  }
}
