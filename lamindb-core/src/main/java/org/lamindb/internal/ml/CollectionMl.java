package org.lamindb.internal.ml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.lamindb.InvalidArgumentException;
import org.lamindb.StorageException;
import org.lamindb.internal.artifact.ArtifactFiles;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.Instance;
import org.lamindb.ml.Batch;
import org.lamindb.ml.BatchOptions;
import org.lamindb.ml.MappedCollection;
import org.lamindb.ml.MappedOptions;
import org.lamindb.ml.MappedSource;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.storage.ObjectPaths;
import org.lamindb.storage.StorageBackend;

/**
 * {@code collection.mapped(..)} and {@code collection.batches(..)}: the members in place (local
 * files, or views of object storage read by ranged requests, see {@link ObjectPaths}) handed to the
 * format SPI; the collection, not each member, is recorded as an input of the current run (as
 * LaminDB does).
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
          "collection "
              + c.uid()
              + " has no artifacts to map; add some with collection.append(..)");
    }
    List<MappedSource> sources = new ArrayList<>();
    ArtifactFiles files = ArtifactFiles.of(inst);
    for (Artifact a : members) {
      String suffix = a.suffix() == null ? "" : a.suffix().toLowerCase(Locale.ROOT);
      if (!(suffix.equals(".h5ad") || suffix.endsWith(".zarr"))) {
        throw new InvalidArgumentException(
            "collection "
                + c.uid()
                + " holds artifact "
                + a.uid()
                + " ("
                + a.key()
                + ") with suffix '"
                + a.suffix()
                + "': mapped() and batches() read AnnData (.h5ad, .zarr) only");
      }
      sources.add(new MappedSource(a.uid(), inPlace(files, a)));
    }
    MappedCollection mc = MappedCollection.open(sources, options);
    inst.trackInput(c);
    return mc;
  }

  /**
   * The member where it is stored: the file itself on local storage, otherwise a view of the object
   * (or zarr folder) whose reads are ranged requests, nothing copied to the cache.
   */
  private static Path inPlace(ArtifactFiles files, Artifact a) {
    StorageBackend b = files.backend(a);
    String key = files.storageKey(Access.values(a));
    if (b.localPath(key).isPresent()) {
      return files.cache(a);
    }
    try {
      return ObjectPaths.of(b, key);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new StorageException(
          "the content of artifact " + a.uid() + " is missing at " + b.root() + "/" + key, e);
    } catch (java.io.IOException e) {
      throw new StorageException(
          "cannot list artifact " + a.uid() + " at " + b.root() + "/" + key + ": " + e, e);
    }
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
