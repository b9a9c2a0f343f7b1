package org.lamindb.formats.internal.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.lamindb.StorageException;
import org.lamindb.formats.anndata.internal.StoreGroup;
import org.lamindb.formats.anndata.internal.StoreNode;
import org.lamindb.formats.anndata.internal.StoreWriter;

/**
 * A local zarr store (a directory), format 2 ({@code .zgroup}/{@code .zarray}/{@code .zattrs}) or 3
 * ({@code zarr.json}). Metadata is read on demand node by node; consolidated metadata is not
 * needed.
 */
public final class ZarrStore {
  static final ObjectMapper JSON = new ObjectMapper();
  private final Path root;
  private final int format;

  private ZarrStore(Path root, int format) {
    this.root = root;
    this.format = format;
  }

  /**
   * Opens a zarr store.
   *
   * @throws StorageException when the path is not a zarr v2 or v3 store
   */
  public static ZarrStore open(Path root) {
    if (!Files.isDirectory(root)) {
      throw new StorageException(
          "Cannot read "
              + root
              + " as zarr: not a directory"
              + (Files.exists(root)
                  ? " (zarr stores are folders; check the suffix matches the content)"
                  : ""));
    }
    if (Files.exists(root.resolve("zarr.json"))) {
      return new ZarrStore(root, 3);
    }
    if (Files.exists(root.resolve(".zgroup")) || Files.exists(root.resolve(".zarray"))) {
      return new ZarrStore(root, 2);
    }
    throw new StorageException(
        "Cannot read " + root + " as zarr: no zarr.json (v3) or .zgroup (v2)");
  }

  /**
   * @return 2 or 3
   */
  public int format() {
    return format;
  }

  /**
   * @return the group at a slash-separated path ("/" for the root)
   */
  public StoreGroup group(String path) {
    String p = path == null ? "" : path.replaceAll("^/+|/+$", "");
    StoreNode n = node(p.isEmpty() ? root : root.resolve(p), "/" + p);
    if (!(n instanceof StoreGroup)) {
      throw new StorageException("No zarr group '" + path + "' in " + root);
    }
    return (StoreGroup) n;
  }

  String describe(String path) {
    return root + ":" + path;
  }

  void checkAllocation(String path, long elements, long bytes) {
    long budget = Runtime.getRuntime().maxMemory() / 2;
    if (elements > Integer.MAX_VALUE - 16 || bytes > budget) {
      throw new StorageException(
          describe(path)
              + " needs "
              + elements
              + " elements ("
              + bytes
              + " bytes), more than this JVM can hold (budget "
              + budget
              + " bytes). Use AnnData.open()"
              + " and read slices, or raise -Xmx.");
    }
  }

  StoreNode node(Path dir, String path) {
    try {
      if (format == 3) {
        Path meta = dir.resolve("zarr.json");
        if (!Files.isRegularFile(meta)) {
          return null;
        }
        JsonNode m = readJson(meta);
        if ("array".equals(m.path("node_type").asText())) {
          return new ZarrArray(this, dir, path, m, 3);
        }
        return new ZGroup(dir, path, normalizeAttrs(m.get("attributes")));
      }
      if (Files.isRegularFile(dir.resolve(".zarray"))) {
        return new ZarrArray(this, dir, path, readJson(dir.resolve(".zarray")), 2);
      }
      if (Files.isRegularFile(dir.resolve(".zgroup"))) {
        return new ZGroup(dir, path, readAttrsV2(dir));
      }
      return null;
    } catch (ZType.Unsupported e) {
      throw new org.lamindb.ValidationException(
          "Cannot read AnnData from " + root + " at " + path + ": " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      if (e instanceof StorageException) {
        throw (StorageException) e;
      }
      throw new StorageException(
          "Cannot read zarr metadata of " + describe(path) + ": " + e.getMessage(), e);
    }
  }

  private JsonNode readJson(Path p) throws IOException {
    long size = Files.size(p);
    if (size > 256L << 20) {
      throw new IOException(p + " is " + size + " bytes, too large for metadata");
    }
    return JSON.readTree(Files.readAllBytes(p));
  }

  Map<String, Object> readAttrsV2(Path dir) throws IOException {
    Path a = dir.resolve(".zattrs");
    return Files.isRegularFile(a) ? normalizeAttrs(readJson(a)) : Collections.emptyMap();
  }

  static Map<String, Object> normalizeAttrs(JsonNode n) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n == null || !n.isObject()) {
      return out;
    }
    n.fields()
        .forEachRemaining(
            e -> {
              Object v = normalize(e.getValue());
              if (v != null) {
                out.put(e.getKey(), v);
              }
            });
    return out;
  }

  private static Object normalize(JsonNode v) {
    if (v.isTextual()) {
      return v.asText();
    } else if (v.isBoolean()) {
      return v.asBoolean();
    } else if (v.isIntegralNumber()) {
      return v.asLong();
    } else if (v.isNumber()) {
      return v.asDouble();
    } else if (v.isArray()) {
      int n = v.size();
      boolean allText = true;
      boolean allInt = true;
      boolean allNum = true;
      boolean allBool = true;
      for (JsonNode x : v) {
        allText &= x.isTextual();
        allInt &= x.isIntegralNumber();
        allNum &= x.isNumber();
        allBool &= x.isBoolean();
      }
      if (n == 0 || allText) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
          s[i] = v.get(i).asText();
        }
        return s;
      } else if (allInt) {
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
          l[i] = v.get(i).asLong();
        }
        return l;
      } else if (allNum) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
          d[i] = v.get(i).asDouble();
        }
        return d;
      } else if (allBool) {
        boolean[] b = new boolean[n];
        for (int i = 0; i < n; i++) {
          b[i] = v.get(i).asBoolean();
        }
        return b;
      }
    }
    return null;
  }

  /** A zarr group: a directory whose child directories are nodes. */
  final class ZGroup implements StoreGroup {
    private final Path dir;
    private final String path;
    private final Map<String, Object> attrs;

    ZGroup(Path dir, String path, Map<String, Object> attrs) {
      this.dir = dir;
      this.path = path;
      this.attrs = attrs;
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
    public List<String> childNames() {
      List<String> out = new ArrayList<>();
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(Files::isDirectory)
            .filter(
                p ->
                    format == 3
                        ? Files.exists(p.resolve("zarr.json"))
                        : Files.exists(p.resolve(".zarray")) || Files.exists(p.resolve(".zgroup")))
            .map(p -> p.getFileName().toString())
            .sorted(Comparator.naturalOrder())
            .forEach(out::add);
      } catch (IOException e) {
        throw new StorageException("Cannot list " + dir + ": " + e.getMessage(), e);
      }
      return out;
    }

    @Override
    public StoreNode child(String name) {
      if (name.isEmpty() || name.contains("/") || name.equals("..") || name.equals(".")) {
        return null;
      }
      Path p = dir.resolve(name);
      return Files.isDirectory(p) ? node(p, (path.endsWith("/") ? path : path + "/") + name) : null;
    }
  }

  /**
   * Writes a new zarr store at {@code target} (replacing it): the store is built in a temporary
   * sibling folder and moved into place, so a failure leaves no partial store.
   *
   * @param format 2 or 3
   */
  public static void write(Path target, int format, Consumer<StoreWriter> body) throws IOException {
    if (format != 2 && format != 3) {
      throw new org.lamindb.InvalidArgumentException("zarr format must be 2 or 3, not " + format);
    }
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp");
    try {
      ZarrWriter root = new ZarrWriter(tmp, format);
      root.writeGroupMeta(Map.of());
      body.accept(root);
      deleteTree(target);
      Files.move(tmp, target);
    } finally {
      deleteTree(tmp);
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(x);
      }
    }
  }
}
