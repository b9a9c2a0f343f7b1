package org.lamindb.internal.collection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.artifact.ArtifactFiles;
import org.lamindb.internal.artifact.Formats;
import org.lamindb.internal.core.Instance;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.query.TableAccessor;
import org.lamindb.storage.TransferProgress;
import tech.tablesaw.api.Table;

/**
 * {@code collection.cache()} and {@code collection.load()}: members cached in order (one progress
 * bar over the collection's bytes), tables concatenated through the table engine with {@code
 * artifact_uid}, AnnData concatenated by the format SPI with a label column. The collection, not
 * each member, is the run's input.
 */
public final class CollectionLoad {
  private CollectionLoad() {}

  /**
   * @return the members' local paths in order
   */
  public static List<Path> cache(Instance inst, Collection c) {
    CollectionStore.requireSaved(c, "caching it");
    List<Artifact> members = c.ordered();
    long total = 0;
    for (Artifact a : members) {
      total += a.size() == null ? 0 : a.size();
    }
    TransferProgress bar =
        inst.transferProgress("caching collection " + (c.key() == null ? c.uid() : c.key()), total);
    ArtifactFiles files = ArtifactFiles.of(inst);
    List<Path> out = new ArrayList<>();
    long done = 0;
    bar.update(0, total);
    for (Artifact a : members) {
      out.add(files.cache(a));
      done += a.size() == null ? 0 : a.size();
      bar.update(done, total);
    }
    inst.trackInput(c);
    return out;
  }

  /**
   * @return the members concatenated (a Table for tables, an AnnData for AnnData members)
   */
  public static Object load(Instance inst, Collection c, boolean outerJoin) {
    CollectionStore.requireSaved(c, "loading it");
    List<Artifact> members = c.ordered();
    if (members.isEmpty()) {
      throw new InvalidArgumentException(
          "collection "
              + c.uid()
              + " has no artifacts to load; add some with collection.append(..)");
    }
    boolean tables = members.stream().allMatch(a -> Lakehouse.isTable(inst, a));
    if (tables) {
      try (TableAccessor t = Lakehouse.open(inst, c)) {
        Table table = t.toTable();
        table.setName(c.key() == null ? c.uid() : c.key());
        return table;
      }
    }
    List<Object> objects = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (Artifact a : members) {
      String s = a.suffix() == null ? "" : a.suffix().toLowerCase(Locale.ROOT);
      if (!(s.equals(".h5ad") || s.endsWith(".zarr"))) {
        throw new InvalidArgumentException(
            "collection "
                + c.uid()
                + " mixes artifact kinds: "
                + Lakehouse.label(a)
                + " ("
                + a.uid()
                + ", suffix '"
                + a.suffix()
                + "') is neither a table nor AnnData; load() concatenates tables or AnnData"
                + " (load members one by one with collection.ordered())");
      }
      Path p = ArtifactFiles.of(inst).cache(a);
      objects.add(Formats.load(p, a.suffix(), Object.class));
      keys.add(a.uid());
    }
    Optional<Object> r = Formats.concat(objects, keys, "artifact_uid", outerJoin);
    if (r.isEmpty()) {
      throw new InvalidArgumentException(
          "no format on the classpath concatenates AnnData; add org.lamindb:lamindb-formats");
    }
    inst.trackInput(c);
    return r.get();
  }
}
