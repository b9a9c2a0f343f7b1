package org.lamindb.formats.internal.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Byte-to-byte codecs of zarr v2 (numcodecs compressors) and v3 ({@code bytes -> bytes} codecs),
 * plus the {@code vlen-utf8} string encoding. Every decoder is bounded by {@code maxBytes}, so a
 * corrupt or hostile chunk cannot exhaust the heap.
 */
final class Codecs {
  private Codecs() {}

  /** Decodes one compressor/codec given its zarr JSON (v2 {@code id} or v3 {@code name}). */
  static byte[] decode(JsonNode codec, byte[] in, long maxBytes) throws IOException {
    String id = codec.has("id") ? codec.get("id").asText() : codec.path("name").asText();
    switch (id) {
      case "zstd":
        {
          long size = Zstd.getFrameContentSize(in);
          if (size > maxBytes) {
            throw new IOException("zstd frame declares " + size + " bytes, more than " + maxBytes);
          }
          return readBounded(new ZstdInputStream(new ByteArrayInputStream(in)), maxBytes, "zstd");
        }
      case "gzip":
        return readBounded(new GZIPInputStream(new ByteArrayInputStream(in)), maxBytes, "gzip");
      case "zlib":
        return readBounded(new InflaterInputStream(new ByteArrayInputStream(in)), maxBytes, "zlib");
      case "blosc":
        try {
          return Blosc.decompress(in, maxBytes);
        } catch (IllegalStateException e) {
          throw new IOException(e.getMessage(), e);
        }
      case "crc32c":
        {
          if (in.length < 4) {
            throw new IOException("crc32c: chunk shorter than its checksum");
          }
          CRC32C crc = new CRC32C();
          crc.update(in, 0, in.length - 4);
          int stored =
              ByteBuffer.wrap(in, in.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
          if ((int) crc.getValue() != stored) {
            throw new IOException("crc32c checksum mismatch (corrupt chunk)");
          }
          return java.util.Arrays.copyOf(in, in.length - 4);
        }
      default:
        throw new IOException(
            "unsupported zarr codec '"
                + id
                + "' (supported: blosc, zstd, gzip, zlib,"
                + " crc32c)");
    }
  }

  /** Encodes with zstd (level 3) or gzip. */
  static byte[] encode(String id, byte[] in) throws IOException {
    if (id.equals("zstd")) {
      return Zstd.compress(in, 3);
    }
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (var out = id.equals("gzip") ? new GZIPOutputStream(bos) : new DeflaterOutputStream(bos)) {
      out.write(in);
    }
    return bos.toByteArray();
  }

  private static byte[] readBounded(InputStream in, long maxBytes, String codec)
      throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[65536];
      long total = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > maxBytes) {
          throw new IOException(
              codec
                  + " chunk decompresses to more than the "
                  + maxBytes
                  + " bytes it can hold (corrupt?)");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }

  /** Decodes numcodecs/zarr {@code vlen-utf8}: count, then (length, bytes) per item. */
  static String[] decodeVlenUtf8(byte[] in, long expected) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN);
    if (in.length < 4) {
      throw new IOException("vlen-utf8 chunk shorter than its header");
    }
    int n = b.getInt();
    if (n < 0 || n != expected) {
      throw new IOException("vlen-utf8 chunk holds " + n + " items, expected " + expected);
    }
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      if (b.remaining() < 4) {
        throw new IOException("vlen-utf8 chunk truncated at item " + i);
      }
      int len = b.getInt();
      if (len < 0 || len > b.remaining()) {
        throw new IOException("vlen-utf8 item " + i + " of " + len + " bytes beyond the chunk");
      }
      out[i] = new String(in, b.position(), len, StandardCharsets.UTF_8);
      b.position(b.position() + len);
    }
    return out;
  }

  /** Encodes strings as {@code vlen-utf8} (null as empty). */
  static byte[] encodeVlenUtf8(String[] values) {
    byte[][] parts = new byte[values.length][];
    int total = 4;
    for (int i = 0; i < values.length; i++) {
      parts[i] = (values[i] == null ? "" : values[i]).getBytes(StandardCharsets.UTF_8);
      total += 4 + parts[i].length;
    }
    ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(values.length);
    for (byte[] p : parts) {
      b.putInt(p.length).put(p);
    }
    return b.array();
  }
}
