package org.lamindb.internal.setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lamindb.InstanceException;

/**
 * The marker {@code <root>/.lamindb/storage_uid.txt} that makes a folder a managed storage
 * location: the storage uid on the first line, then {@code key=value} lines naming the managing
 * instance (spec §1.4).
 *
 * @param storageUid uid of the storage row
 * @param instanceSlug {@code owner/name} of the managing instance
 * @param instanceUid uid of the managing instance
 */
public record StorageMarker(String storageUid, String instanceSlug, String instanceUid) {
  /** Relative path of the marker below a storage root. */
  public static final String PATH = ".lamindb/storage_uid.txt";

  /**
   * @return the marker of a local root, if present
   */
  public static Optional<StorageMarker> read(Path root) {
    Path f = root.resolve(PATH);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      if (lines.isEmpty() || lines.get(0).isBlank()) {
        throw new InstanceException(
            "storage marker "
                + f
                + " is empty; if no instance uses this folder, delete the marker and retry");
      }
      Map<String, String> kv = new LinkedHashMap<>();
      for (String l : lines.subList(1, lines.size())) {
        int eq = l.indexOf('=');
        if (eq > 0) {
          kv.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
      }
      return Optional.of(
          new StorageMarker(lines.get(0).strip(), kv.get("instance_slug"), kv.get("instance_uid")));
    } catch (IOException e) {
      throw new InstanceException("cannot read storage marker " + f + ": " + e.getMessage(), e);
    }
  }

  /** Writes this marker below {@code root}. */
  public void write(Path root) throws IOException {
    Path f = root.resolve(PATH);
    Files.createDirectories(f.getParent());
    String text =
        storageUid
            + "\ninstance_slug="
            + instanceSlug
            + "\ninstance_uid="
            + instanceUid
            + "\ncreated_by=lamindb-java\n";
    Files.writeString(f, text, StandardCharsets.UTF_8);
  }
}
