package org.lamindb.internal.collection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminException;
import org.lamindb.StorageException;
import org.lamindb.internal.artifact.ArtifactFiles;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.db.PostgresUrl;
import org.lamindb.internal.setup.InstanceSettings;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.spi.IcebergProvider;
import org.lamindb.storage.StorageBackend;

/**
 * {@code collection.registerIceberg(catalogUri, table)}: resolves the member files of the
 * collection's versions and the catalog connection, then hands them to the {@link IcebergProvider}
 * found on the class path ({@code lamindb-spark}).
 */
public final class IcebergBridge {
  /** The catalog name Iceberg's JdbcCatalog stores the instance's tables under. */
  static final String CATALOG_NAME = "lamindb";

  private IcebergBridge() {}

  /**
   * @param catalogUri null, empty or {@code instance} for the instance's own database; else a
   *     {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URI (credentials as {@code
   *     postgresql://user:password@host/db} are accepted too)
   * @return what the table holds afterwards
   */
  public static IcebergProvider.Registration register(
      Instance inst, Collection c, String catalogUri, String table) {
    if (table == null || !table.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+")) {
      throw new InvalidArgumentException(
          "Iceberg table name '"
              + table
              + "' must be namespace.table (letters, digits, underscores), e.g. lamin.scrna");
    }
    IcebergProvider provider = provider();
    Map<String, String> props = new LinkedHashMap<>();
    String uri = catalogUri(inst, catalogUri, props);
    if (!props.containsKey("warehouse")) {
      props.put("warehouse", warehouse(inst));
    }
    List<IcebergProvider.Version> versions = new ArrayList<>();
    for (Collection v : c.versions()) {
      versions.add(
          new IcebergProvider.Version(v.uid(), v.version(), members(inst, v.ordered(), v.uid())));
      if (v.uid().equals(c.uid())) {
        break;
      }
    }
    return provider.register(
        new IcebergProvider.Request(uri, Map.copyOf(props), CATALOG_NAME, table, versions));
  }

  private static IcebergProvider provider() {
    for (IcebergProvider p : ServiceLoader.load(IcebergProvider.class)) {
      return p;
    }
    throw new LaminException(
        "collection.registerIceberg needs Iceberg support, which core does not ship: add the module"
            + " org.lamindb:lamindb-spark (with its iceberg-core/iceberg-parquet dependencies and"
            + " Hadoop's client, e.g. from Spark) to the class path");
  }

  private static String catalogUri(Instance inst, String given, Map<String, String> props) {
    InstanceSettings s = inst.settings();
    String g = given == null ? "" : given.trim();
    if (g.isEmpty() || g.equals("instance")) {
      if (s.isSqlite()) {
        if (isRemote(s.storageRoot())) {
          throw new InvalidArgumentException(
              "the SQLite database of instance "
                  + s.slug()
                  + " lives with remote storage "
                  + s.storageRoot()
                  + "; pass a catalog URI (jdbc:postgresql://... or jdbc:sqlite:/path/catalog.db)");
        }
        return "jdbc:sqlite:" + Path.of(s.storageRoot(), ".lamindb", "lamin.db").toAbsolutePath();
      }
      return postgres(s.db(), props);
    }
    if (g.startsWith("jdbc:sqlite:")) {
      return g;
    }
    if (g.startsWith("jdbc:postgresql:")
        || g.startsWith("postgresql:")
        || g.startsWith("postgres:")) {
      return postgres(g, props);
    }
    throw new InvalidArgumentException(
        "unsupported Iceberg catalog URI '"
            + PostgresUrl.redact(g)
            + "': use 'instance' (the instance's own database), jdbc:sqlite:/path/catalog.db or"
            + " jdbc:postgresql://user@host:5432/db");
  }

  private static String postgres(String url, Map<String, String> props) {
    PostgresUrl u = PostgresUrl.parse(url);
    if (u.user() != null) {
      props.put("jdbc.user", u.user());
    }
    if (u.password() != null) {
      props.put("jdbc.password", u.password());
    }
    return u.jdbcUrl();
  }

  private static String warehouse(Instance inst) {
    String root = inst.storageRoot();
    if (isRemote(root)) {
      throw new InvalidArgumentException(
          "Iceberg metadata would go to remote storage "
              + root
              + ", which needs an Iceberg FileIO for it: not supported; register collections of"
              + " local (or shared-filesystem) storage");
    }
    return Path.of(root, ".lamindb", "iceberg").toAbsolutePath().toUri().toString();
  }

  private static boolean isRemote(String root) {
    return root != null && root.matches("^[a-z][a-z0-9+.-]*://.*") && !root.startsWith("file:");
  }

  private static List<IcebergProvider.Member> members(
      Instance inst, List<Artifact> artifacts, String collectionUid) {
    ArtifactFiles af = ArtifactFiles.of(inst);
    List<IcebergProvider.Member> out = new ArrayList<>();
    for (Artifact a : artifacts) {
      StorageBackend b = af.backend(a);
      String key = af.storageKey(Access.values(a));
      Optional<Path> local = b.localPath(key);
      if (local.isEmpty()) {
        throw new InvalidArgumentException(
            "collection "
                + collectionUid
                + ": member "
                + a.uid()
                + " is in remote storage "
                + b.root()
                + "; registerIceberg adds files in place and reads only local (or"
                + " shared-filesystem) storage");
      }
      for (Path p : parquetFiles(a, local.get())) {
        try {
          out.add(new IcebergProvider.Member(a.uid(), p.toUri().toString(), Files.size(p)));
        } catch (IOException e) {
          throw new StorageException("cannot stat " + p + " of artifact " + a.uid(), e);
        }
      }
    }
    return out;
  }

  private static List<Path> parquetFiles(Artifact a, Path p) {
    if (!Files.isDirectory(p)) {
      if (!isParquet(p)) {
        throw new InvalidArgumentException(
            "member "
                + a.uid()
                + " ("
                + a.key()
                + ") is not Parquet ("
                + a.suffix()
                + "); an Iceberg table holds Parquet files only");
      }
      return List.of(p.toAbsolutePath());
    }
    try (Stream<Path> s = Files.walk(p)) {
      List<Path> files = new ArrayList<>();
      for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        if (isParquet(f)) {
          files.add(f.toAbsolutePath());
        } else if (!name.startsWith(".") && !name.startsWith("_")) {
          throw new InvalidArgumentException(
              "folder member " + a.uid() + " holds a file that is not Parquet: " + f);
        }
      }
      return files;
    } catch (IOException e) {
      throw new StorageException("cannot list folder artifact " + a.uid() + ": " + e, e);
    }
  }

  private static boolean isParquet(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".parquet") || n.endsWith(".pq");
  }
}
