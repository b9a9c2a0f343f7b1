package org.lamindb.formats.internal.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lamindb.StorageException;
import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.internal.ArrayOps;
import org.lamindb.formats.anndata.internal.StoreArray;

/**
 * A zarr v2 or v3 array read chunk by chunk: only the chunks that overlap a requested region are
 * loaded and decoded. Supports C order, the codecs of {@link Codecs}, {@code vlen-utf8} strings,
 * fixed-length and structured numpy dtypes (v2), and {@code sharding_indexed} (v3).
 */
final class ZarrArray implements StoreArray {
  private final ZarrStore store;
  private final Path dir;
  private final String path;
  private final Map<String, Object> attrs;
  private final long[] shape;
  private final int[] chunks;
  private final ZType type;
  private final JsonNode fill;
  private final List<JsonNode> byteCodecs = new ArrayList<>();
  private boolean vlen;
  private String separator = ".";
  private boolean v3DefaultKeys;
  private int[] shardShape;
  private boolean indexAtEnd = true;
  private List<JsonNode> indexCodecs = List.of();
  private Path cachedShard;

  /** The last decoded chunks (read-only once decoded): consecutive row ranges often share one. */
  private final Map<String, Object[]> recent =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object[]> e) {
          return size() > RECENT_CHUNKS;
        }
      };

  private static final int RECENT_CHUNKS = 1;
  private byte[] cachedShardBytes;

  ZarrArray(ZarrStore store, Path dir, String path, JsonNode meta, int format) throws IOException {
    this.store = store;
    this.dir = dir;
    this.path = path;
    this.shape = longs(meta.get("shape"));
    if (format == 2) {
      this.attrs = store.readAttrsV2(dir);
      this.chunks = ints(meta.get("chunks"));
      this.type = ZType.parseV2(meta.get("dtype"));
      this.fill = meta.get("fill_value");
      if ("F".equals(meta.path("order").asText("C")) && shape.length > 1) {
        throw new IOException("Fortran-order (order=F) arrays are not supported");
      }
      if (meta.hasNonNull("dimension_separator")) {
        separator = meta.get("dimension_separator").asText();
      }
      JsonNode filters = meta.get("filters");
      if (filters != null && filters.isArray()) {
        for (JsonNode f : filters) {
          String id = f.path("id").asText();
          if (id.equals("vlen-utf8")) {
            vlen = true;
          } else {
            throw new IOException("unsupported zarr v2 filter '" + id + "' (only vlen-utf8)");
          }
        }
      }
      if (meta.hasNonNull("compressor")) {
        byteCodecs.add(meta.get("compressor"));
      }
      if (type.kind == ZType.Kind.VLEN_STRING && !vlen) {
        throw new IOException("object dtype without a vlen-utf8 filter is not supported");
      }
    } else {
      this.attrs = ZarrStore.normalizeAttrs(meta.get("attributes"));
      JsonNode grid = meta.path("chunk_grid");
      if (!"regular".equals(grid.path("name").asText())) {
        throw new IOException("unsupported chunk grid " + grid.path("name"));
      }
      int[] outer = ints(grid.path("configuration").get("chunk_shape"));
      ZType t = ZType.parseV3(meta.get("data_type"));
      JsonNode keys = meta.path("chunk_key_encoding");
      v3DefaultKeys = !"v2".equals(keys.path("name").asText("default"));
      separator = keys.path("configuration").path("separator").asText(v3DefaultKeys ? "/" : ".");
      this.fill = meta.get("fill_value");
      int[] inner = null;
      JsonNode shardConf = null;
      for (JsonNode c : meta.path("codecs")) {
        String name = c.path("name").asText();
        if (name.equals("sharding_indexed")) {
          shardConf = c.path("configuration");
        }
      }
      if (shardConf != null) {
        inner = ints(shardConf.get("chunk_shape"));
        shardShape = outer;
        indexAtEnd = !"start".equals(shardConf.path("index_location").asText("end"));
        List<JsonNode> ic = new ArrayList<>();
        shardConf.path("index_codecs").forEach(ic::add);
        indexCodecs = ic;
        t = parseCodecs(shardConf.path("codecs"), t);
        for (int i = 0; i < outer.length; i++) {
          if (inner[i] <= 0 || outer[i] % inner[i] != 0) {
            throw new IOException("shard shape must be a multiple of the inner chunk shape");
          }
        }
      } else {
        t = parseCodecs(meta.path("codecs"), t);
      }
      this.type = t;
      this.chunks = inner != null ? inner : outer;
    }
    if (chunks.length != shape.length) {
      throw new IOException(
          "chunk shape has " + chunks.length + " dimensions, array " + shape.length);
    }
    long chunkElems = 1;
    for (int i = 0; i < chunks.length; i++) {
      if (chunks[i] <= 0 || shape[i] < 0) {
        throw new IOException("invalid shape/chunks " + shape[i] + "/" + chunks[i]);
      }
      chunkElems *= chunks[i];
      if (chunkElems > Integer.MAX_VALUE - 16) {
        throw new IOException("chunks of more than 2^31 elements are not supported");
      }
    }
  }

  private ZType parseCodecs(JsonNode codecs, ZType t) throws IOException {
    boolean seenArrayToBytes = false;
    for (JsonNode c : codecs) {
      String name = c.path("name").asText();
      switch (name) {
        case "bytes":
          {
            String endian = c.path("configuration").path("endian").asText("little");
            if (endian.equals("big")) {
              t = reorder(t, ByteOrder.BIG_ENDIAN);
            }
            seenArrayToBytes = true;
            break;
          }
        case "vlen-utf8":
          vlen = true;
          seenArrayToBytes = true;
          break;
        case "transpose":
          throw new IOException("the zarr v3 transpose codec is not supported");
        case "sharding_indexed":
          throw new IOException("nested sharding is not supported");
        default:
          if (!seenArrayToBytes) {
            throw new IOException(
                "unsupported zarr v3 codec '" + name + "' before the array-to-bytes codec");
          }
          byteCodecs.add(c);
      }
    }
    return t;
  }

  private static ZType reorder(ZType t, ByteOrder o) throws IOException {
    String s = (o == ByteOrder.BIG_ENDIAN ? ">" : "<") + t.dtype.zarrV2().substring(1);
    return ZType.parseV2(new com.fasterxml.jackson.databind.node.TextNode(s));
  }

  static long[] longs(JsonNode n) throws IOException {
    if (n == null || !n.isArray()) {
      throw new IOException("missing shape");
    }
    long[] out = new long[n.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = n.get(i).asLong();
    }
    return out;
  }

  static int[] ints(JsonNode n) throws IOException {
    long[] l = longs(n);
    int[] out = new int[l.length];
    for (int i = 0; i < l.length; i++) {
      if (l[i] > Integer.MAX_VALUE || l[i] < 0) {
        throw new IOException("chunk size " + l[i] + " out of range");
      }
      out[i] = (int) l[i];
    }
    return out;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Map<String, Object> attrs() {
    return attrs;
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  @Override
  public DType dtype() {
    return type.kind == ZType.Kind.STRUCT ? null : type.dtype;
  }

  @Override
  public List<String> fieldNames() {
    List<String> out = new ArrayList<>();
    for (ZType.Field f : type.fields) {
      out.add(f.name());
    }
    return out;
  }

  @Override
  public Object read() {
    long[] start = new long[shape.length];
    return region(start, shape.clone());
  }

  @Override
  public Object readRows(long start, long count) {
    if (shape.length == 0 || start < 0 || count < 0 || start + count > shape[0]) {
      throw new StorageException(
          "row range [" + start + ", " + (start + count) + ") is outside " + store.describe(path));
    }
    long[] s = new long[shape.length];
    long[] c = shape.clone();
    s[0] = start;
    c[0] = count;
    return region(s, c);
  }

  private Object region(long[] start, long[] count) {
    int nd = shape.length;
    long total = 1;
    for (long c : count) {
      total *= c;
    }
    store.checkAllocation(path, total, total * Math.max(type.itemSize, 8));
    int n = (int) total;
    List<String> fieldNames = fieldNames();
    Object[] outs = allocate(n, fieldNames);
    if (n == 0) {
      return wrap(outs, fieldNames);
    }
    if (nd == 0) {
      Object[] chunk = chunk(new long[0], 1);
      for (int k = 0; k < outs.length; k++) {
        System.arraycopy(chunk[k], 0, outs[k], 0, 1);
      }
      return wrap(outs, fieldNames);
    }
    long[] cLo = new long[nd];
    long[] cHi = new long[nd];
    for (int d = 0; d < nd; d++) {
      cLo[d] = start[d] / chunks[d];
      cHi[d] = (start[d] + count[d] - 1) / chunks[d];
    }
    int chunkElems = 1;
    for (int c : chunks) {
      chunkElems *= c;
    }
    long[] cc = cLo.clone();
    while (true) {
      Object[] chunk = chunk(cc, chunkElems);
      copy(chunk, outs, cc, start, count);
      int d = nd - 1;
      while (d >= 0 && ++cc[d] > cHi[d]) {
        cc[d] = cLo[d];
        d--;
      }
      if (d < 0) {
        break;
      }
    }
    return wrap(outs, fieldNames);
  }

  private Object[] allocate(int n, List<String> fieldNames) {
    if (type.kind != ZType.Kind.STRUCT) {
      return new Object[] {ArrayOps.allocate(type.dtype, n)};
    }
    Object[] outs = new Object[type.fields.size()];
    for (int i = 0; i < outs.length; i++) {
      outs[i] = ArrayOps.allocate(type.fields.get(i).type().dtype, n);
    }
    return outs;
  }

  private Object wrap(Object[] outs, List<String> names) {
    if (type.kind != ZType.Kind.STRUCT) {
      return outs[0];
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < outs.length; i++) {
      m.put(names.get(i), outs[i]);
    }
    return m;
  }

  private void copy(Object[] chunk, Object[] outs, long[] cc, long[] start, long[] count) {
    int nd = shape.length;
    long[] lo = new long[nd];
    long[] hi = new long[nd];
    for (int d = 0; d < nd; d++) {
      lo[d] = Math.max(start[d], cc[d] * chunks[d]);
      hi[d] = Math.min(start[d] + count[d], (cc[d] + 1) * chunks[d]);
      if (hi[d] <= lo[d]) {
        return;
      }
    }
    long[] idx = lo.clone();
    int run = (int) (hi[nd - 1] - lo[nd - 1]);
    while (true) {
      long src = 0;
      long dst = 0;
      for (int d = 0; d < nd; d++) {
        src = src * chunks[d] + (idx[d] - cc[d] * chunks[d]);
        dst = dst * count[d] + (idx[d] - start[d]);
      }
      for (int k = 0; k < outs.length; k++) {
        System.arraycopy(chunk[k], (int) src, outs[k], (int) dst, run);
      }
      int d = nd - 2;
      while (d >= 0 && ++idx[d] >= hi[d]) {
        idx[d] = lo[d];
        d--;
      }
      if (d < 0) {
        break;
      }
    }
  }

  /**
   * Decoded chunk as parallel arrays (one per field for structs), fill values when the chunk is
   * absent.
   */
  private Object[] chunk(long[] cc, int elems) {
    String k = java.util.Arrays.toString(cc);
    synchronized (recent) {
      Object[] hit = recent.get(k);
      if (hit != null) {
        return hit;
      }
    }
    Object[] c = decodeChunk(cc, elems);
    synchronized (recent) {
      recent.put(k, c);
    }
    return c;
  }

  private Object[] decodeChunk(long[] cc, int elems) {
    byte[] raw;
    try {
      raw = encodedChunk(cc);
    } catch (IOException e) {
      throw new StorageException(
          "Cannot read chunk "
              + java.util.Arrays.toString(cc)
              + " of "
              + store.describe(path)
              + ": "
              + e.getMessage(),
          e);
    }
    try {
      Object decoded;
      if (raw == null) {
        decoded = fillChunk(elems);
      } else {
        long max = vlen ? Math.max(64L << 20, raw.length * 256L) : (long) elems * type.itemSize;
        byte[] b = raw;
        for (int i = byteCodecs.size() - 1; i >= 0; i--) {
          b = Codecs.decode(byteCodecs.get(i), b, max);
        }
        decoded = vlen ? Codecs.decodeVlenUtf8(b, elems) : type.decode(b, elems);
      }
      if (decoded instanceof Map) {
        return ((Map<?, ?>) decoded).values().toArray();
      }
      return new Object[] {decoded};
    } catch (IOException | RuntimeException e) {
      throw new StorageException(
          "Cannot decode chunk "
              + java.util.Arrays.toString(cc)
              + " of "
              + store.describe(path)
              + " (corrupt?): "
              + e.getMessage(),
          e);
    }
  }

  private Object fillChunk(int elems) {
    if (type.kind == ZType.Kind.STRUCT) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (ZType.Field f : type.fields) {
        m.put(f.name(), ArrayOps.allocate(f.type().dtype, elems));
      }
      return m;
    }
    Object out = ArrayOps.allocate(type.dtype, elems);
    if (type.dtype == DType.STRING) {
      java.util.Arrays.fill((String[]) out, fill != null && fill.isTextual() ? fill.asText() : "");
    } else if (fill != null && !fill.isNull()) {
      double v =
          fill.isNumber()
              ? fill.asDouble()
              : fill.isBoolean()
                  ? (fill.asBoolean() ? 1 : 0)
                  : "NaN".equals(fill.asText())
                      ? Double.NaN
                      : "Infinity".equals(fill.asText())
                          ? Double.POSITIVE_INFINITY
                          : "-Infinity".equals(fill.asText()) ? Double.NEGATIVE_INFINITY : 0;
      if (v != 0) {
        for (int i = 0; i < elems; i++) {
          switch (type.dtype) {
            case FLOAT32 -> ((float[]) out)[i] = (float) v;
            case FLOAT64 -> ((double[]) out)[i] = v;
            case BOOL -> ((boolean[]) out)[i] = true;
            case INT8 -> ((byte[]) out)[i] = (byte) v;
            case UINT8, INT16 -> ((short[]) out)[i] = (short) v;
            case UINT16, INT32 -> ((int[]) out)[i] = (int) v;
            default -> ((long[]) out)[i] = (long) v;
          }
        }
      }
    }
    return out;
  }

  private byte[] encodedChunk(long[] cc) throws IOException {
    if (shardShape == null) {
      return readFile(dir.resolve(key(cc)));
    }
    int nd = cc.length;
    long[] shard = new long[nd];
    int[] per = new int[nd];
    int innerIndex = 0;
    int nInner = 1;
    for (int d = 0; d < nd; d++) {
      per[d] = shardShape[d] / chunks[d];
      shard[d] = cc[d] / per[d];
      innerIndex = innerIndex * per[d] + (int) (cc[d] % per[d]);
      nInner *= per[d];
    }
    Path file = dir.resolve(key(shard));
    byte[] bytes;
    if (file.equals(cachedShard)) {
      bytes = cachedShardBytes;
    } else {
      bytes = readFile(file);
      cachedShard = file;
      cachedShardBytes = bytes;
    }
    if (bytes == null) {
      return null;
    }
    int indexLen = 16 * nInner;
    int extra = 0;
    for (JsonNode c : indexCodecs) {
      if ("crc32c".equals(c.path("name").asText())) {
        extra += 4;
      }
    }
    if (bytes.length < indexLen + extra) {
      throw new IOException("shard " + file.getFileName() + " is shorter than its index");
    }
    int indexStart = indexAtEnd ? bytes.length - indexLen - extra : 0;
    byte[] index = java.util.Arrays.copyOfRange(bytes, indexStart, indexStart + indexLen + extra);
    for (int i = indexCodecs.size() - 1; i >= 0; i--) {
      String name = indexCodecs.get(i).path("name").asText();
      if (!name.equals("bytes")) {
        index = Codecs.decode(indexCodecs.get(i), index, indexLen);
      }
    }
    ByteBuffer b = ByteBuffer.wrap(index).order(ByteOrder.LITTLE_ENDIAN);
    long off = b.getLong(16 * innerIndex);
    long len = b.getLong(16 * innerIndex + 8);
    if (off == -1L && len == -1L) {
      return null;
    }
    if (off < 0 || len < 0 || off + len > bytes.length) {
      throw new IOException("shard index entry " + innerIndex + " points outside the shard");
    }
    return java.util.Arrays.copyOfRange(bytes, (int) off, (int) (off + len));
  }

  private String key(long[] cc) {
    StringBuilder sb = new StringBuilder(v3DefaultKeys ? "c" : "");
    if (cc.length == 0) {
      return v3DefaultKeys ? "c" : "0";
    }
    for (int i = 0; i < cc.length; i++) {
      if (i > 0 || v3DefaultKeys) {
        sb.append(separator);
      }
      sb.append(cc[i]);
    }
    return sb.toString();
  }

  private byte[] readFile(Path p) throws IOException {
    try {
      long size = Files.size(p);
      store.checkAllocation(path, size, size);
      return Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
