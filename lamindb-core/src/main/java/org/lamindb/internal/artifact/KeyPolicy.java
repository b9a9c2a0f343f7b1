package org.lamindb.internal.artifact;

import java.nio.file.Path;
import java.util.Optional;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.core.Instance;

/**
 * The rules that decide an artifact's key and storage location (spec §4.2): a file inside a
 * registered storage is registered in place (its path below the root is its real key); anything
 * else is copied to the default storage under a virtual key. And the rule that an artifact needs a
 * key, a description or a run — which the CLI asks too ({@link #needsIdentity}).
 */
public final class KeyPolicy {
  private KeyPolicy() {}

  /**
   * @param key the key passed (validated), or null
   * @param folder true for a folder
   * @param copy true when the content is copied whatever its location (a serialized object)
   * @return the placement of {@code source}
   */
  static Placement place(
      Instance inst, ArtifactFiles files, Path source, String key, boolean folder, boolean copy) {
    Optional<String[]> in = copy ? Optional.empty() : files.registeredStorage(source);
    if (in.isEmpty()) {
      return new Placement(inst.storageId(), inst.storageRoot(), false, key, true, null, folder);
    }
    long storageId = Long.parseLong(in.get()[0]);
    String root = in.get()[1];
    String rel = source.toString().replace('\\', '/').substring(root.length() + 1);
    if (key == null || key.equals(rel)) {
      return new Placement(storageId, root, true, rel, false, null, folder);
    }
    return new Placement(storageId, root, true, key, true, rel, folder);
  }

  /**
   * @return true when an artifact at {@code path} with these values would be refused for lacking a
   *     key, a description and a run (a file inside a registered storage has its path as key)
   */
  public static boolean needsIdentity(
      Instance inst, Path path, String key, String description, boolean revises) {
    if (key != null || description != null || revises || inst.currentRunId() != null) {
      return false;
    }
    try {
      Path real = path.toAbsolutePath().normalize().toRealPath();
      return ArtifactFiles.of(inst).registeredStorage(real).isEmpty();
    } catch (java.io.IOException e) {
      return true;
    }
  }

  /** Refuses a new artifact without key, description or run. */
  static void requireIdentity(Instance inst, Placement placement, Object description, Path source) {
    if (placement.key() == null && description == null && inst.currentRunId() == null) {
      throw new InvalidArgumentException(
          "Pass one of key, run or description as a parameter: e.g. ln.artifact(path).key(\"raw/"
              + source.getFileName()
              + "\")");
    }
  }
}
