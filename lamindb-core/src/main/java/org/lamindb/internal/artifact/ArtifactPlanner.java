package org.lamindb.internal.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.lamindb.InvalidArgumentException;
import org.lamindb.NotFoundException;
import org.lamindb.StorageException;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.storage.Hashing;
import org.lamindb.internal.storage.Keys;
import org.lamindb.internal.storage.Suffixes;
import org.lamindb.model.Artifact;
import org.lamindb.spi.FormatProvider;

/**
 * First step of saving an artifact: resolves or serializes the content, decides its {@link
 * Placement} through {@link KeyPolicy}, hashes it and inspects its format, producing a {@link Plan}
 * that {@link ArtifactStore} stores.
 */
final class ArtifactPlanner {
  private final Instance inst;
  private final ArtifactFiles files;

  ArtifactPlanner(Instance inst, ArtifactFiles files) {
    this.inst = inst;
    this.files = files;
  }

  /** The decisions made for a new artifact before it is stored. */
  static final class Plan {
    Path source;
    boolean folder;
    Placement placement;
    String hash;
    String hashType;
    long size;
    Long nFiles;
    String suffix;
    boolean skipHashLookup;
    FormatProvider.FormatInfo info;
    Path serialized;

    long storageId() {
      return placement.storageId();
    }

    String storageRoot() {
      return placement.storageRoot();
    }

    boolean inPlace() {
      return placement.inPlace();
    }
  }

  Plan plan(Artifact a, ArtifactDraft d, Map<String, Object> v) {
    inheritFromRevises(d, v);
    String key = (String) v.get("key");
    if (key != null) {
      Keys.validateKey(key);
    }
    Plan p = new Plan();
    if (d.data != null) {
      serialize(p, d.data, key);
    } else {
      resolvePath(p, d.path, key);
    }
    p.folder = Files.isDirectory(p.source);
    p.placement = KeyPolicy.place(inst, files, p.source, key, p.folder, p.serialized != null);
    v.put("key", p.placement.key());
    KeyPolicy.requireIdentity(inst, p.placement, v.get("description"), p.source);
    hash(p);
    boolean emptyFile = !p.folder && p.size == 0;
    p.skipHashLookup = d.skipHashLookup != null ? d.skipHashLookup : p.inPlace() || emptyFile;
    if (emptyFile) {
      p.skipHashLookup = true;
    }
    // folders too: .zarr stores are folders whose format knows otype and n_observations
    p.info = Formats.inspect(p.source, p.suffix).orElse(null);
    return p;
  }

  private static void inheritFromRevises(ArtifactDraft d, Map<String, Object> v) {
    if (d.revises == null) {
      return;
    }
    if (!d.revises.isSaved()) {
      throw new InvalidArgumentException("revises must be a saved artifact");
    }
    if (v.get("key") == null && d.revises.key() != null) {
      v.put("key", d.revises.key());
    }
    if (v.get("description") == null && d.revises.description() != null) {
      v.put("description", d.revises.description());
    }
  }

  private void serialize(Plan p, Object data, String key) {
    FormatProvider writer =
        Formats.writerFor(data)
            .orElseThrow(
                () ->
                    new InvalidArgumentException(
                        "cannot store a "
                            + data.getClass().getName()
                            + " as an artifact: no format writes it"
                            + " (add org.lamindb:lamindb-formats for AnnData)"));
    String suffix = writer.suffixFor(data, key == null ? null : Suffixes.extract(key).canonical());
    try {
      Path dir = inst.cacheDir();
      Files.createDirectories(dir);
      p.serialized = Files.createTempFile(dir, "artifact-", suffix);
      writer.write(data, p.serialized, suffix);
    } catch (IOException e) {
      throw new StorageException(
          "cannot serialize " + data.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
    p.source = p.serialized;
    p.suffix = suffix;
    if (key != null && !Suffixes.extract(key).canonical().equals(suffix)) {
      throw new InvalidArgumentException(
          "the key's suffix '"
              + Suffixes.raw(key)
              + "' does not match the object's format '"
              + suffix
              + "'");
    }
  }

  private static void resolvePath(Plan p, Path given, String key) {
    Path path = given.toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      throw new NotFoundException("no file or folder at " + path);
    }
    try {
      path = path.toRealPath();
    } catch (IOException e) {
      throw new StorageException("cannot resolve " + path + ": " + e.getMessage(), e);
    }
    p.source = path;
    String pathStr = path.toString().replace('\\', '/');
    if (pathStr.contains("/.lamindb/")) {
      throw new InvalidArgumentException(
          "cannot register "
              + path
              + ": paths inside a '.lamindb/' folder are managed by LaminDB; query the"
              + " artifact instead (ln.artifacts().get(uid))");
    }
    Suffixes.Suffix s = Suffixes.extract(path.getFileName().toString());
    p.suffix = s.canonical();
    if (key != null) {
      Keys.checkSuffixMatch(s.raw(), Suffixes.extract(key).raw());
    }
  }

  private static void hash(Plan p) {
    if (p.folder) {
      Hashing.DirHash h = Hashing.hashDir(p.source);
      p.size = h.size();
      p.hash = h.hash();
      p.hashType = h.hashType();
      p.nFiles = (long) h.nFiles();
    } else {
      Hashing.FileHash h = Hashing.hashFile(p.source);
      p.size = h.size();
      p.hash = h.hash();
      p.hashType = h.hashType();
    }
  }

  /**
   * Writes the planned columns (placement, suffix, size, hash, format metadata) into the new row.
   */
  static void fillColumns(ArtifactDraft d, Map<String, Object> v, Plan p) {
    p.placement.writeColumns(v);
    v.put("suffix", p.suffix);
    v.put("size", p.size);
    v.put("hash", p.hash);
    v.put("_hash_type", p.hashType);
    v.put("n_files", p.nFiles);
    if (p.info != null) {
      if (v.get("otype") == null && p.info.otype() != null) {
        v.put("otype", p.info.otype());
      }
      if (p.info.nObservations() != null) {
        v.put("n_observations", p.info.nObservations());
      }
    }
    if (d.data != null && v.get("kind") == null) {
      v.put("kind", "dataset");
    }
  }
}
