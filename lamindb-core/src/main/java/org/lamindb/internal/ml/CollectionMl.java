package org.lamindb.internal.ml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.artifact.ArtifactFiles;
import org.lamindb.internal.core.Instance;
import org.lamindb.ml.Batch;
import org.lamindb.ml.BatchOptions;
import org.lamindb.ml.MappedCollection;
import org.lamindb.ml.MappedOptions;
import org.lamindb.ml.MappedSource;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;

/**
 * {@code collection.mapped(..)} and {@code collection.batches(..)}: the members' local paths (in
 * place for local storage, the cache otherwise) handed to the format SPI; the collection, not each
 * member, is recorded as an input of the current run (as LaminDB does).
 */
public final class CollectionMl {
  private CollectionMl() {}

  /**
   * @return the members of {@code c} opened as a mapped collection
   */
  public static MappedCollection mapped(Instance inst, Collection c, MappedOptions options) {
    List<Artifact> members = c.ordered();
    if (members.isEmpty()) {
      throw new InvalidArgumentException(
          "collection " + c.uid() + " has no artifacts to map; add some with collection.append(..)");
    }
    List<MappedSource> sources = new ArrayList<>();
    ArtifactFiles files = ArtifactFiles.of(inst);
    for (Artifact a : members) {
      String suffix = a.suffix() == null ? "" : a.suffix().toLowerCase(Locale.ROOT);
      if (!(suffix.equals(".h5ad") || suffix.endsWith(".zarr"))) {
        throw new InvalidArgumentException(
            "collection " + c.uid() + " holds artifact " + a.uid() + " (" + a.key()
                + ") with suffix '" + a.suffix()
                + "': mapped() and batches() read AnnData (.h5ad, .zarr) only");
      }
      Path p = files.cache(a);
      sources.add(new MappedSource(a.uid(), p));
    }
    MappedCollection mc = MappedCollection.open(sources, options);
    inst.trackInput(c);
    return mc;
  }

  /**
   * @return the batches of one epoch; the files are opened when iteration starts and closed when it
   *     ends
   */
  public static Iterable<Batch> batches(Instance inst, Collection c, BatchOptions options) {
    return () -> {
      MappedCollection mc = mapped(inst, c, options.mapped());
      Iterator<Batch> it = mc.batches(options).iterator();
      return new Iterator<>() {
        private boolean open = true;

        @Override
        public boolean hasNext() {
          boolean more = open && it.hasNext();
          if (!more && open) {
            open = false;
            mc.close();
          }
          return more;
        }

        @Override
        public Batch next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          return it.next();
        }
      };
    };
  }
}
