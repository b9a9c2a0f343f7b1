package org.lamindb.formats.internal.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.internal.ArrayOps;

/**
 * A zarr element type: numeric/bool, variable-length string, fixed-length string, or structured
 * record.
 */
final class ZType {
  enum Kind {
    NUMERIC,
    VLEN_STRING,
    FIXED_UNICODE,
    FIXED_BYTES,
    STRUCT
  }

  /** One field of a structured type. */
  record Field(String name, ZType type, int offset) {}

  final Kind kind;
  final DType dtype;
  final int itemSize;
  final ByteOrder order;
  final List<Field> fields;

  private ZType(Kind kind, DType dtype, int itemSize, ByteOrder order, List<Field> fields) {
    this.kind = kind;
    this.dtype = dtype;
    this.itemSize = itemSize;
    this.order = order;
    this.fields = fields;
  }

  static ZType of(DType d) {
    return d == DType.STRING
        ? new ZType(Kind.VLEN_STRING, d, 0, ByteOrder.LITTLE_ENDIAN, List.of())
        : new ZType(Kind.NUMERIC, d, d.size(), ByteOrder.LITTLE_ENDIAN, List.of());
  }

  /**
   * Parses a zarr v2 (numpy) dtype: a string like {@code <f4} or a list of [name, dtype] fields.
   */
  static ZType parseV2(JsonNode node) throws IOException {
    if (node.isArray()) {
      List<Field> fields = new ArrayList<>();
      int off = 0;
      for (JsonNode f : node) {
        if (f.size() != 2) {
          throw new Unsupported(
              "unsupported structured dtype field "
                  + f
                  + " (record arrays with sub-array fields are not supported)");
        }
        ZType t = parseV2(f.get(1));
        if (t.kind == Kind.VLEN_STRING || t.kind == Kind.STRUCT) {
          throw new Unsupported("unsupported structured dtype field " + f);
        }
        fields.add(new Field(f.get(0).asText(), t, off));
        off += t.itemSize;
      }
      return new ZType(Kind.STRUCT, null, off, ByteOrder.LITTLE_ENDIAN, fields);
    }
    String s = node.asText();
    if (s.length() < 2) {
      throw new Unsupported("unsupported zarr dtype '" + s + "'");
    }
    ByteOrder order = s.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    char kind = s.charAt(1);
    int size;
    try {
      size = s.length() > 2 ? Integer.parseInt(s.substring(2)) : 0;
    } catch (NumberFormatException e) {
      throw new Unsupported("unsupported zarr dtype '" + s + "'");
    }
    switch (kind) {
      case 'O':
        return new ZType(Kind.VLEN_STRING, DType.STRING, 0, order, List.of());
      case 'U':
        return new ZType(Kind.FIXED_UNICODE, DType.STRING, size * 4, order, List.of());
      case 'S':
        return new ZType(Kind.FIXED_BYTES, DType.STRING, size, order, List.of());
      case 'b':
        return new ZType(Kind.NUMERIC, DType.BOOL, 1, order, List.of());
      case 'i':
      case 'u':
      case 'f':
        for (DType d : DType.values()) {
          if (d.isNumeric()
              && d != DType.BOOL
              && d.size() == size
              && d.zarrV2().charAt(1) == kind) {
            return new ZType(Kind.NUMERIC, d, size, order, List.of());
          }
        }
        break;
      default:
        break;
    }
    throw new Unsupported("unsupported zarr dtype '" + s + "'");
  }

  /** Parses a zarr v3 data type name. */
  static ZType parseV3(JsonNode node) throws IOException {
    String s = node.asText();
    if (s.equals("string")) {
      return of(DType.STRING);
    }
    for (DType d : DType.values()) {
      if (d.zarrV3().equals(s)) {
        return of(d);
      }
    }
    throw new Unsupported("unsupported zarr v3 data type " + node);
  }

  /** Decodes {@code n} fixed-size items; STRUCT gives a map of field arrays. */
  Object decode(byte[] bytes, int n) throws IOException {
    if ((long) n * itemSize > bytes.length) {
      throw new IOException(
          "chunk has " + bytes.length + " bytes, expected " + (long) n * itemSize);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
    if (kind == Kind.STRUCT) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Field f : fields) {
        byte[] col = new byte[n * f.type.itemSize];
        for (int i = 0; i < n; i++) {
          System.arraycopy(
              bytes, i * itemSize + f.offset, col, i * f.type.itemSize, f.type.itemSize);
        }
        out.put(f.name, f.type.decode(col, n));
      }
      return out;
    }
    if (kind == Kind.FIXED_UNICODE || kind == Kind.FIXED_BYTES) {
      String[] out = new String[n];
      for (int i = 0; i < n; i++) {
        int start = i * itemSize;
        int len = itemSize;
        if (kind == Kind.FIXED_UNICODE) {
          while (len >= 4 && b.getInt(start + len - 4) == 0) {
            len -= 4;
          }
          out[i] =
              new String(
                  bytes,
                  start,
                  len,
                  order == ByteOrder.LITTLE_ENDIAN
                      ? java.nio.charset.Charset.forName("UTF-32LE")
                      : java.nio.charset.Charset.forName("UTF-32BE"));
        } else {
          while (len > 0 && bytes[start + len - 1] == 0) {
            len--;
          }
          out[i] = new String(bytes, start, len, StandardCharsets.UTF_8);
        }
      }
      return out;
    }
    Object out = ArrayOps.allocate(dtype, n);
    switch (dtype) {
      case FLOAT32 -> b.asFloatBuffer().get((float[]) out, 0, n);
      case FLOAT64 -> b.asDoubleBuffer().get((double[]) out, 0, n);
      case INT32 -> b.asIntBuffer().get((int[]) out, 0, n);
      case INT64, UINT64 -> b.asLongBuffer().get((long[]) out, 0, n);
      case INT16 -> b.asShortBuffer().get((short[]) out, 0, n);
      default -> decodeEach(bytes, b, out, n);
    }
    return out;
  }

  private void decodeEach(byte[] bytes, ByteBuffer b, Object out, int n) {
    for (int i = 0; i < n; i++) {
      switch (dtype) {
        case BOOL:
          ((boolean[]) out)[i] = bytes[i] != 0;
          break;
        case INT8:
          ((byte[]) out)[i] = bytes[i];
          break;
        case UINT8:
          ((short[]) out)[i] = (short) (bytes[i] & 0xff);
          break;
        case INT16:
          ((short[]) out)[i] = b.getShort(2 * i);
          break;
        case UINT16:
          ((int[]) out)[i] = b.getShort(2 * i) & 0xffff;
          break;
        case INT32:
          ((int[]) out)[i] = b.getInt(4 * i);
          break;
        case UINT32:
          ((long[]) out)[i] = b.getInt(4 * i) & 0xffffffffL;
          break;
        case INT64:
        case UINT64:
          ((long[]) out)[i] = b.getLong(8 * i);
          break;
        case FLOAT32:
          ((float[]) out)[i] = b.getFloat(4 * i);
          break;
        default:
          ((double[]) out)[i] = b.getDouble(8 * i);
      }
    }
  }

  /** Encodes a flat numeric array little-endian. */
  static byte[] encode(Object values, DType d) {
    int n = ArrayOps.length(values);
    ByteBuffer b = ByteBuffer.allocate(n * d.size()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      switch (d) {
        case BOOL:
          b.put((byte) (((boolean[]) values)[i] ? 1 : 0));
          break;
        case INT8:
          b.put(((byte[]) values)[i]);
          break;
        case UINT8:
          b.put((byte) ((short[]) values)[i]);
          break;
        case INT16:
          b.putShort(((short[]) values)[i]);
          break;
        case UINT16:
          b.putShort((short) ((int[]) values)[i]);
          break;
        case INT32:
          b.putInt(((int[]) values)[i]);
          break;
        case UINT32:
          b.putInt((int) ((long[]) values)[i]);
          break;
        case INT64:
        case UINT64:
          b.putLong(((long[]) values)[i]);
          break;
        case FLOAT32:
          b.putFloat(((float[]) values)[i]);
          break;
        default:
          b.putDouble(((double[]) values)[i]);
      }
    }
    return b.array();
  }

  /** A well-formed dtype this reader does not support (the element is skipped, not corrupt). */
  static final class Unsupported extends IOException {
    private static final long serialVersionUID = 1L;

    Unsupported(String message) {
      super(message);
    }
  }
}
