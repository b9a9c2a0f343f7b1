package org.lamindb.formats.spatialdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lamindb.InvalidArgumentException;

/**
 * Reads a SpatialData zarr store's layout without loading data: the root attributes ({@code
 * spatialdata_attrs} is the format's own entry, the rest is the user's {@code attrs}), and the
 * elements of {@code images}, {@code labels} (multiscale arrays: shape of the first scale), {@code
 * points}, {@code shapes} (parquet) and {@code tables} (AnnData zarr groups).
 *
 * <pre>{@code
 * SpatialDataStore sd = SpatialDataStore.open(Path.of("visium.zarr"));
 * sd.tables();      // [table]
 * sd.elements();    // [images/blobs_image [3, 512, 512], points/blobs_points (parquet), ...]
 * }</pre>
 */
public final class SpatialDataStore {
  /** The element groups of a SpatialData store. */
  public static final List<String> GROUPS =
      List.of("images", "labels", "points", "shapes", "tables");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;

  private SpatialDataStore(Path root) {
    this.root = root;
  }

  /**
   * @param path a folder
   * @return true when it is a zarr store with {@code spatialdata_attrs} in its root attributes, or
   *     with SpatialData element groups and no AnnData {@code obs}
   */
  public static boolean isSpatialData(Path path) {
    if (!Files.isDirectory(path)) {
      return false;
    }
    JsonNode attrs = attrs(path);
    if (attrs.has("spatialdata_attrs")) {
      return true;
    }
    boolean groups = GROUPS.stream().anyMatch(g -> isGroup(path.resolve(g)));
    return groups && !Files.exists(path.resolve("obs")) && !Files.exists(path.resolve("mod"));
  }

  /**
   * @param path a SpatialData zarr store
   * @return the store
   * @throws InvalidArgumentException when it is not one
   */
  public static SpatialDataStore open(Path path) {
    if (!isSpatialData(path)) {
      throw new InvalidArgumentException(
          path + " is not a SpatialData zarr store (no spatialdata_attrs and no element groups)");
    }
    return new SpatialDataStore(path);
  }

  /**
   * @return the store folder
   */
  public Path path() {
    return root;
  }

  private static boolean isGroup(Path p) {
    return Files.exists(p.resolve(".zgroup")) || Files.exists(p.resolve("zarr.json"));
  }

  private static JsonNode attrs(Path dir) {
    try {
      Path v2 = dir.resolve(".zattrs");
      if (Files.isRegularFile(v2)) {
        return JSON.readTree(v2.toFile());
      }
      Path v3 = dir.resolve("zarr.json");
      if (Files.isRegularFile(v3)) {
        return JSON.readTree(v3.toFile()).path("attributes");
      }
    } catch (IOException e) {
      throw new InvalidArgumentException(
          "cannot read the attributes of " + dir + ": " + e.getMessage());
    }
    return JSON.createObjectNode();
  }

  /**
   * @return the user attributes (root attributes without {@code spatialdata_attrs}), as Java maps,
   *     lists, strings, numbers and booleans
   */
  public Map<String, Object> attrs() {
    @SuppressWarnings("unchecked")
    Map<String, Object> all = JSON.convertValue(attrs(root), LinkedHashMap.class);
    Map<String, Object> out = new LinkedHashMap<>(all == null ? Map.of() : all);
    out.remove("spatialdata_attrs");
    return out;
  }

  /**
   * @return the format version from {@code spatialdata_attrs}, or null
   */
  public String version() {
    JsonNode v = attrs(root).path("spatialdata_attrs").path("version");
    return v.isMissingNode() ? null : v.asText();
  }

  /**
   * @param group one of {@link #GROUPS}
   * @return the element names in that group, sorted
   */
  public List<String> names(String group) {
    Path g = root.resolve(group);
    if (!Files.isDirectory(g)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(g)) {
      return s.filter(Files::isDirectory)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new InvalidArgumentException("cannot list " + g + ": " + e.getMessage());
    }
  }

  /**
   * @return the table names ({@code tables/<name>}, each an AnnData zarr group)
   */
  public List<String> tables() {
    return names("tables");
  }

  /**
   * @return one line per image, label, point and shape element: {@code images/<name> [c, y, x]},
   *     {@code points/<name> (parquet)}
   */
  public List<String> elements() {
    List<String> out = new ArrayList<>();
    for (String g : List.of("images", "labels", "points", "shapes")) {
      for (String n : names(g)) {
        Path e = root.resolve(g).resolve(n);
        String shape = g.equals("images") || g.equals("labels") ? shape(e) : "(parquet)";
        out.add(g + "/" + n + " " + shape);
      }
    }
    return out;
  }

  /** The shape of a multiscale element's first scale, from its array metadata. */
  private static String shape(Path element) {
    JsonNode ms = attrs(element).path("multiscales");
    String first = "0";
    if (ms.isArray() && ms.size() > 0) {
      JsonNode ds = ms.get(0).path("datasets");
      if (ds.isArray() && ds.size() > 0) {
        first = ds.get(0).path("path").asText("0");
      }
    }
    Path arr = element.resolve(first);
    try {
      JsonNode meta =
          Files.isRegularFile(arr.resolve(".zarray"))
              ? JSON.readTree(arr.resolve(".zarray").toFile())
              : Files.isRegularFile(arr.resolve("zarr.json"))
                  ? JSON.readTree(arr.resolve("zarr.json").toFile())
                  : null;
      if (meta == null || !meta.path("shape").isArray()) {
        return "(no array)";
      }
      List<String> dims = new ArrayList<>();
      meta.path("shape").forEach(d -> dims.add(d.asText()));
      return "[" + String.join(", ", dims) + "]";
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
