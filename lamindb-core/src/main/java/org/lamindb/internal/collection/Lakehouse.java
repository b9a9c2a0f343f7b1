package org.lamindb.internal.collection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.lamindb.InvalidArgumentException;
import org.lamindb.StorageException;
import org.lamindb.internal.artifact.ArtifactFiles;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.Instance;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.query.QuerySet;
import org.lamindb.query.TableAccessor;
import org.lamindb.query.TableSource;
import org.lamindb.storage.StorageBackend;

/**
 * {@code artifact.open()}, {@code collection.open()} and {@code queryset.open()}: the artifacts'
 * tabular files (local in place; remote Parquet staged by ranged reads, other remote files cached)
 * behind one {@link DuckTableSource}. Artifact-level filters narrow the registry query before any
 * file is opened.
 */
public final class Lakehouse {
  private Lakehouse() {}

  /**
   * @return the table format of a suffix ({@code parquet}, {@code csv}, {@code tsv}), or null
   */
  public static String tableFormat(String suffix) {
    String s = suffix == null ? "" : suffix.toLowerCase(Locale.ROOT);
    return switch (s) {
      case ".parquet", ".pq" -> "parquet";
      case ".csv", ".csv.gz" -> "csv";
      case ".tsv", ".tsv.gz" -> "tsv";
      default -> null;
    };
  }

  /**
   * @return true when {@code a} opens as a table: a Parquet/CSV/TSV file or a folder of Parquet
   */
  public static boolean isTable(Instance inst, Artifact a) {
    if (a.nFiles() == null) {
      return tableFormat(a.suffix()) != null;
    }
    return !files(inst, a).isEmpty();
  }

  /**
   * @return what {@code artifact.open()} gives: a table accessor, a format's lazy accessor
   *     (AnnData), else the byte stream
   */
  public static AutoCloseable openAny(Instance inst, Artifact a) {
    if (!a.isSaved()) {
      throw new InvalidArgumentException("the artifact is not saved yet; save() it first");
    }
    String suffix = a.suffix() == null ? "" : a.suffix();
    if (tableFormat(suffix) != null || (a.nFiles() != null && isTable(inst, a))) {
      return open(inst, a);
    }
    String s = suffix.toLowerCase(Locale.ROOT);
    if (s.equals(".h5ad") || s.endsWith(".zarr") || s.equals(".h5mu")) {
      Path p = ArtifactFiles.of(inst).cache(a);
      Optional<AutoCloseable> acc = org.lamindb.internal.artifact.Formats.open(p, suffix);
      if (acc.isPresent()) {
        return acc.get();
      }
    }
    return ArtifactFiles.of(inst).open(a);
  }

  /**
   * @return a table accessor over one artifact
   */
  public static TableAccessor open(Instance inst, Artifact a) {
    List<TableFile> files = files(inst, a);
    if (files.isEmpty()) {
      throw new InvalidArgumentException(
          "artifact "
              + label(a)
              + " ("
              + a.uid()
              + ") is a folder without Parquet files; open() reads tables");
    }
    return new TableAccessor(new DuckTableSource(files, false, null));
  }

  /**
   * @return one accessor over all members of {@code c}, with {@code artifact_uid}; the collection
   *     is recorded as an input of the current run
   */
  public static TableAccessor open(Instance inst, Collection c) {
    CollectionStore.requireSaved(c, "opening it");
    QuerySet<Artifact> members = c.artifacts();
    String what =
        "collection "
            + (c.key() == null ? c.uid() : c.key())
            + " (version "
            + c.version()
            + ", "
            + c.uid()
            + ")";
    TableAccessor t = new TableAccessor(lazy(inst, members, what, List.of(), null));
    inst.trackInput(c);
    return t;
  }

  /**
   * @return one accessor over the artifacts of a query, with {@code artifact_uid}; each artifact is
   *     recorded as an input of the current run
   */
  public static TableAccessor open(Instance inst, QuerySet<Artifact> query) {
    DuckTableSource s = source(inst, query, "query " + query, List.of(), null);
    for (String uid : s.files().stream().map(TableFile::artifactUid).distinct().toList()) {
      inst.trackInput(query.get(uid));
    }
    return new TableAccessor(s);
  }

  /**
   * A source that lists the artifacts of {@code query} when first used; narrowing it with
   * filterArtifacts() lists only the artifacts that remain ({@code base} counts the unfiltered ones
   * for explain(), with one COUNT query).
   */
  private static TableSource lazy(
      Instance inst,
      QuerySet<Artifact> query,
      String what,
      List<String> filters,
      java.util.function.LongSupplier base) {
    java.util.function.LongSupplier total = base != null ? base : memo(query::count);
    return new LazyTableSource(
        () -> source(inst, query, what, filters, total),
        (lookup, value) -> {
          List<String> f = new ArrayList<>(filters);
          f.add(lookup + " = " + value);
          return lazy(inst, query.filter(lookup, value), what, f, total);
        });
  }

  private static java.util.function.LongSupplier memo(java.util.function.LongSupplier s) {
    long[] v = {-1};
    return () -> {
      if (v[0] < 0) {
        v[0] = s.getAsLong();
      }
      return v[0];
    };
  }

  private static DuckTableSource source(
      Instance inst,
      QuerySet<Artifact> query,
      String what,
      List<String> filters,
      java.util.function.LongSupplier base) {
    List<Artifact> artifacts = query.list();
    long total = base == null ? artifacts.size() : base.getAsLong();
    List<TableFile> files = new ArrayList<>();
    for (Artifact a : artifacts) {
      List<TableFile> f = files(inst, a);
      if (f.isEmpty()) {
        throw new InvalidArgumentException(
            what
                + " holds artifact "
                + label(a)
                + " ("
                + a.uid()
                + ") with suffix '"
                + a.suffix()
                + "', which is not a table; open() reads Parquet, CSV/TSV and folders of Parquet"
                + " (filter it out with filterArtifacts(\"suffix\", \".parquet\"))");
      }
      files.addAll(f);
    }
    int selected = artifacts.size();
    DuckTableSource.Scope scope =
        new DuckTableSource.Scope() {
          @Override
          public List<String> describe() {
            List<String> lines = new ArrayList<>();
            lines.add(what + ": " + total + " artifact(s)");
            for (String f : filters) {
              lines.add("registry filter " + f);
            }
            if (!filters.isEmpty()) {
              lines.add(
                  "registry: "
                      + selected
                      + " selected, "
                      + (total - selected)
                      + " pruned before opening any file");
            }
            return lines;
          }

          @Override
          public TableSource narrow(String lookup, Object value) {
            List<String> f = new ArrayList<>(filters);
            f.add(lookup + " = " + value);
            return lazy(inst, query.filter(lookup, value), what, f, () -> total);
          }
        };
    return new DuckTableSource(files, true, scope);
  }

  /**
   * @return the table files of one artifact (empty when it is not a table)
   */
  public static List<TableFile> files(Instance inst, Artifact a) {
    ArtifactFiles af = ArtifactFiles.of(inst);
    StorageBackend b = af.backend(a);
    String key = af.storageKey(Access.values(a));
    String label = label(a);
    if (a.nFiles() == null) {
      String format = tableFormat(a.suffix());
      if (format == null) {
        return List.of();
      }
      Optional<Path> local = b.localPath(key); // resolved once: it checks links on disk
      Path p = local.isPresent() ? local.get() : staged(inst, af, b, a, key, format);
      TableFile.Stager stager =
          local.isPresent() || !format.equals("parquet")
              ? null
              : Staging.stager(inst, b, a, key, p);
      return List.of(new TableFile(a.uid(), label, p, format, a.hash(), stager));
    }
    Path dir = af.cache(a);
    List<TableFile> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet") || name.endsWith(".pq")) {
          out.add(TableFile.local(a.uid(), label, p, "parquet", null));
        } else if (!name.startsWith(".") && !name.startsWith("_")) {
          return List.of();
        }
      }
    } catch (IOException e) {
      throw new StorageException(
          "cannot list folder artifact " + label + " (" + a.uid() + "): " + e.getMessage(), e);
    }
    return out;
  }

  /** Remote files: Parquet is staged by ranged reads later; other formats are cached whole. */
  private static Path staged(
      Instance inst, ArtifactFiles af, StorageBackend b, Artifact a, String key, String format) {
    if (!format.equals("parquet")) {
      return af.cache(a);
    }
    return Staging.path(inst, b, a, key);
  }

  static String label(Artifact a) {
    return a.key() == null ? a.uid() : a.key();
  }
}
