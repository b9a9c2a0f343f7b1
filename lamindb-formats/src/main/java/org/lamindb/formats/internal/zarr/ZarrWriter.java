package org.lamindb.formats.internal.zarr;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.internal.ArrayOps;
import org.lamindb.formats.anndata.internal.StoreWriter;

/**
 * Writes zarr groups and arrays. Format 2: {@code .zgroup}/{@code .zarray}/{@code .zattrs}, zstd
 * compressor, strings as {@code |O} with the {@code vlen-utf8} filter. Format 3: {@code zarr.json},
 * codecs {@code bytes}(little) or {@code vlen-utf8}, then {@code zstd}. Arrays are chunked along
 * axis 0 at about 1 MiB per chunk; edge chunks are padded with the fill value as zarr requires.
 */
final class ZarrWriter implements StoreWriter {
  private static final int CHUNK_BYTES = 1 << 20;
  private final Path dir;
  private final int format;

  ZarrWriter(Path dir, int format) {
    this.dir = dir;
    this.format = format;
  }

  void writeGroupMeta(Map<String, Object> attrs) {
    try {
      Files.createDirectories(dir);
      if (format == 2) {
        ObjectNode g = ZarrStore.JSON.createObjectNode().put("zarr_format", 2);
        writeJson(dir.resolve(".zgroup"), g);
        writeJson(dir.resolve(".zattrs"), attrsJson(attrs));
      } else {
        ObjectNode g = ZarrStore.JSON.createObjectNode();
        g.set("attributes", attrsJson(attrs));
        g.put("zarr_format", 3).put("node_type", "group");
        writeJson(dir.resolve("zarr.json"), g);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void attrs(Map<String, Object> attrs) {
    writeGroupMeta(attrs);
  }

  @Override
  public StoreWriter group(String name, Map<String, Object> attrs) {
    ZarrWriter w = new ZarrWriter(dir.resolve(check(name)), format);
    w.writeGroupMeta(attrs);
    return w;
  }

  private static String check(String name) {
    if (name.isEmpty()
        || name.contains("/")
        || name.equals(".")
        || name.equals("..")
        || name.startsWith(".z")
        || name.equals("zarr.json")) {
      throw new org.lamindb.InvalidArgumentException("invalid zarr node name '" + name + "'");
    }
    return name;
  }

  @Override
  public void array(
      String name, Object data, DType dtype, long[] shape, Map<String, Object> attrs) {
    Path a = dir.resolve(check(name));
    try {
      Files.createDirectories(a);
      int n = ArrayOps.length(data);
      long inner = 1;
      for (int i = 1; i < shape.length; i++) {
        inner *= shape[i];
      }
      int[] chunks = new int[shape.length];
      for (int i = 1; i < shape.length; i++) {
        chunks[i] = (int) Math.max(1, shape[i]);
      }
      long rowsPerChunk = 1;
      if (shape.length > 0) {
        int itemSize = dtype == DType.STRING ? 16 : dtype.size();
        rowsPerChunk =
            Math.max(
                1, Math.min(Math.max(1, shape[0]), CHUNK_BYTES / Math.max(1, itemSize * inner)));
        chunks[0] = (int) rowsPerChunk;
      }
      writeJson(
          a.resolve(format == 2 ? ".zarray" : "zarr.json"), meta(dtype, shape, chunks, attrs));
      if (format == 2) {
        writeJson(a.resolve(".zattrs"), attrsJson(attrs));
      }
      if (shape.length == 0) {
        writeChunk(a.resolve(format == 2 ? "0" : "c"), data, dtype);
        return;
      }
      long per = rowsPerChunk * inner;
      long nChunks = shape[0] == 0 ? 0 : (shape[0] + rowsPerChunk - 1) / rowsPerChunk;
      for (long c = 0; c < nChunks; c++) {
        int from = (int) (c * per);
        int to = (int) Math.min(n, from + per);
        Object part = ArrayOps.allocate(dtype, (int) per);
        System.arraycopy(data, from, part, 0, to - from);
        if (dtype == DType.STRING) {
          String[] s = (String[]) part;
          for (int i = to - from; i < s.length; i++) {
            s[i] = "";
          }
        }
        StringBuilder key = new StringBuilder(format == 2 ? "" : "c/").append(c);
        for (int i = 1; i < shape.length; i++) {
          key.append(format == 2 ? "." : "/").append(0);
        }
        writeChunk(a.resolve(key.toString()), part, dtype);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeChunk(Path p, Object part, DType dtype) throws IOException {
    byte[] raw =
        dtype == DType.STRING ? Codecs.encodeVlenUtf8((String[]) part) : ZType.encode(part, dtype);
    Files.createDirectories(p.getParent());
    Files.write(p, Codecs.encode("zstd", raw));
  }

  private ObjectNode meta(DType dtype, long[] shape, int[] chunks, Map<String, Object> attrs) {
    ObjectNode m = ZarrStore.JSON.createObjectNode();
    ArrayNode sh = m.putArray("shape");
    for (long s : shape) {
      sh.add(s);
    }
    if (format == 2) {
      ArrayNode ch = m.putArray("chunks");
      for (int c : chunks) {
        ch.add(c);
      }
      m.put("dtype", dtype.zarrV2());
      m.putObject("compressor").put("id", "zstd").put("level", 3);
      if (dtype == DType.STRING) {
        m.putNull("fill_value");
        m.putArray("filters").addObject().put("id", "vlen-utf8");
      } else {
        fill(m, dtype);
        m.putNull("filters");
      }
      m.put("order", "C").put("dimension_separator", ".").put("zarr_format", 2);
      return m;
    }
    m.put("data_type", dtype.zarrV3());
    ObjectNode grid = m.putObject("chunk_grid").put("name", "regular");
    ArrayNode ch = grid.putObject("configuration").putArray("chunk_shape");
    for (int c : chunks) {
      ch.add(c);
    }
    m.putObject("chunk_key_encoding")
        .put("name", "default")
        .putObject("configuration")
        .put("separator", "/");
    if (dtype == DType.STRING) {
      m.put("fill_value", "");
    } else {
      fill(m, dtype);
    }
    ArrayNode codecs = m.putArray("codecs");
    if (dtype == DType.STRING) {
      codecs.addObject().put("name", "vlen-utf8").putObject("configuration");
    } else {
      codecs.addObject().put("name", "bytes").putObject("configuration").put("endian", "little");
    }
    codecs
        .addObject()
        .put("name", "zstd")
        .putObject("configuration")
        .put("level", 3)
        .put("checksum", false);
    m.set("attributes", attrsJson(attrs));
    m.put("zarr_format", 3).put("node_type", "array");
    m.putArray("storage_transformers");
    return m;
  }

  private static void fill(ObjectNode m, DType dtype) {
    if (dtype == DType.BOOL) {
      m.put("fill_value", false);
    } else if (dtype == DType.FLOAT32 || dtype == DType.FLOAT64) {
      m.put("fill_value", 0.0);
    } else {
      m.put("fill_value", 0);
    }
  }

  private static ObjectNode attrsJson(Map<String, Object> attrs) {
    ObjectNode o = ZarrStore.JSON.createObjectNode();
    if (attrs == null) {
      return o;
    }
    for (Map.Entry<String, Object> e : attrs.entrySet()) {
      o.set(e.getKey(), ZarrStore.JSON.valueToTree(e.getValue()));
    }
    return o;
  }

  private static void writeJson(Path p, Object node) throws IOException {
    ZarrStore.JSON.writerWithDefaultPrettyPrinter().writeValue(p.toFile(), node);
  }
}
