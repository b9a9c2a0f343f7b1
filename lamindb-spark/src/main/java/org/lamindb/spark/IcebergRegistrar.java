package org.lamindb.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotUpdate;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.mapping.NameMapping;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.parquet.ParquetSchemaUtil;
import org.apache.iceberg.parquet.ParquetUtil;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.lamindb.LaminException;
import org.lamindb.StorageException;
import org.lamindb.ValidationException;
import org.lamindb.spi.IcebergProvider;

/**
 * The {@link IcebergProvider} behind {@code collection.registerIceberg}: an Iceberg {@link
 * JdbcCatalog} over the catalog database, the member Parquet files added in place (footer metrics,
 * a name mapping for files written without Iceberg field ids), one snapshot per collection version
 * whose uid is kept in the snapshot summary ({@value #VERSION_UID}). Found by {@link
 * java.util.ServiceLoader}; not called directly.
 */
public final class IcebergRegistrar implements IcebergProvider {
  /** Snapshot summary key holding the collection version's uid. */
  static final String VERSION_UID = "lamindb.collection-uid";

  /** Snapshot summary key holding the collection version label. */
  static final String VERSION = "lamindb.collection-version";

  /** Creates the provider ({@link java.util.ServiceLoader} calls this). */
  public IcebergRegistrar() {}

  @Override
  public Registration register(Request request) {
    Configuration conf = new Configuration();
    try (JdbcCatalog catalog = catalog(request, conf)) {
      TableIdentifier id = TableIdentifier.parse(request.table());
      Map<String, ParquetMetadata> footers = new HashMap<>();
      Table table = loadOrCreate(catalog, id, request, conf, footers);
      Map<String, Long> byVersion = registered(table);
      List<Long> added = new ArrayList<>();
      for (Version v : request.versions()) {
        if (byVersion.containsKey(v.collectionUid())) {
          continue;
        }
        long snap = commit(table, v, conf, footers);
        byVersion.put(v.collectionUid(), snap);
        added.add(snap);
      }
      table.refresh();
      int files = currentFiles(table).size();
      String metadata =
          ((org.apache.iceberg.HasTableOperations) table)
              .operations()
              .current()
              .metadataFileLocation();
      return new Registration(request.table(), metadata, List.copyOf(added), byVersion, files);
    } catch (IOException e) {
      throw new StorageException("Iceberg registration of " + request.table() + " failed: " + e, e);
    } catch (org.apache.iceberg.exceptions.ValidationException
        | org.apache.iceberg.exceptions.CommitFailedException e) {
      throw new LaminException(
          "Iceberg refused the registration of " + request.table() + ": " + e.getMessage(), e);
    }
  }

  /** Opens the JdbcCatalog; the caller closes it. */
  static JdbcCatalog catalog(Request request, Configuration conf) {
    Map<String, String> props = new LinkedHashMap<>(request.catalogProperties());
    props.put("uri", request.catalogUri());
    JdbcCatalog catalog = new JdbcCatalog();
    catalog.setConf(conf);
    try {
      catalog.initialize(request.catalogName(), props);
    } catch (RuntimeException e) {
      throw new LaminException(
          "cannot open the Iceberg JDBC catalog at "
              + request.catalogUri().replaceAll(":[^:@/]*@", ":***@")
              + ": "
              + e.getMessage()
              + "; check the URI and that the database accepts connections",
          e);
    }
    return catalog;
  }

  private static Table loadOrCreate(
      JdbcCatalog catalog,
      TableIdentifier id,
      Request request,
      Configuration conf,
      Map<String, ParquetMetadata> footers) {
    Schema union = null;
    for (Version v : request.versions()) {
      for (Member m : v.members()) {
        Schema s =
            ParquetSchemaUtil.convert(
                ParquetSchemaUtil.addFallbackIds(
                    footer(m, conf, footers).getFileMetaData().getSchema()));
        union = unionOf(union == null ? new Schema() : union, s, m);
      }
    }
    if (union == null) {
      throw new ValidationException(
          "collection " + last(request).collectionUid() + " has no Parquet member to register");
    }
    Table table;
    if (catalog.tableExists(id)) {
      table = catalog.loadTable(id);
      Schema before = table.schema();
      table.updateSchema().unionByNameWith(union).commit();
      if (!table.schema().sameSchema(before)) {
        table
            .updateProperties()
            .set(TableProperties.DEFAULT_NAME_MAPPING, mapping(table.schema()))
            .commit();
      }
      return table;
    }
    if (id.namespace().levels().length > 0 && !catalog.namespaceExists(id.namespace())) {
      catalog.createNamespace(Namespace.of(id.namespace().levels()));
    }
    table = catalog.createTable(id, union, PartitionSpec.unpartitioned());
    table
        .updateProperties()
        .set(TableProperties.DEFAULT_NAME_MAPPING, mapping(table.schema()))
        .set("lamindb.collection-stem", last(request).collectionUid().substring(0, 16))
        .commit();
    return table;
  }

  private static Schema unionOf(Schema a, Schema b, Member m) {
    for (Types.NestedField f : b.columns()) {
      Types.NestedField old = a.findField(f.name());
      if (old != null && !old.type().equals(f.type())) {
        throw new ValidationException(
            "column '"
                + f.name()
                + "' is "
                + f.type()
                + " in artifact "
                + m.artifactUid()
                + " ("
                + m.location()
                + ") but "
                + old.type()
                + " in an earlier member; an Iceberg table needs one type per column");
      }
    }
    List<Types.NestedField> cols = new ArrayList<>(a.columns());
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger(a.highestFieldId());
    Schema fresh = TypeUtil.assignFreshIds(b, next::incrementAndGet); // ids unique across both
    for (Types.NestedField f : fresh.columns()) {
      if (a.findField(f.name()) == null) {
        cols.add(f);
      }
    }
    List<Types.NestedField> optional = new ArrayList<>();
    for (Types.NestedField f : cols) {
      optional.add(f.asOptional()); // a member without the column reads it as null
    }
    return new Schema(optional);
  }

  private static String mapping(Schema schema) {
    return NameMappingParser.toJson(MappingUtil.create(schema));
  }

  private static Version last(Request request) {
    return request.versions().get(request.versions().size() - 1);
  }

  private static ParquetMetadata footer(
      Member m, Configuration conf, Map<String, ParquetMetadata> footers) {
    ParquetMetadata cached = footers.get(m.location());
    if (cached != null) {
      return cached;
    }
    try (ParquetFileReader r =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(m.location()), conf))) {
      ParquetMetadata f = r.getFooter();
      footers.put(m.location(), f);
      return f;
    } catch (IOException | RuntimeException e) {
      throw new StorageException(
          "cannot read the Parquet footer of artifact "
              + m.artifactUid()
              + " ("
              + m.location()
              + "): "
              + e.getMessage(),
          e);
    }
  }

  /** Snapshot id per collection version uid, from the snapshot summaries. */
  static Map<String, Long> registered(Table table) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Snapshot s : table.snapshots()) {
      String uid = s.summary().get(VERSION_UID);
      if (uid != null) {
        out.put(uid, s.snapshotId());
      }
    }
    return out;
  }

  private static Map<String, DataFile> currentFiles(Table table) throws IOException {
    Map<String, DataFile> out = new LinkedHashMap<>();
    if (table.currentSnapshot() == null) {
      return out;
    }
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask t : tasks) {
        out.put(t.file().location(), t.file());
      }
    }
    return out;
  }

  private static long commit(
      Table table, Version v, Configuration conf, Map<String, ParquetMetadata> footers)
      throws IOException {
    Map<String, DataFile> current = currentFiles(table);
    Set<String> wanted = new LinkedHashSet<>();
    for (Member m : v.members()) {
      wanted.add(m.location());
    }
    NameMapping mapping = MappingUtil.create(table.schema());
    MetricsConfig metrics = MetricsConfig.forTable(table);
    List<DataFile> add = new ArrayList<>();
    for (Member m : v.members()) {
      if (!current.containsKey(m.location())
          && add.stream().noneMatch(d -> d.location().equals(m.location()))) {
        add.add(dataFile(table, m, footer(m, conf, footers), metrics, mapping));
      }
    }
    List<DataFile> remove =
        current.values().stream().filter(d -> !wanted.contains(d.location())).toList();
    SnapshotUpdate<?> update;
    if (remove.isEmpty()) {
      AppendFiles append = table.newAppend();
      add.forEach(append::appendFile);
      update = append;
    } else {
      OverwriteFiles overwrite = table.newOverwrite();
      remove.forEach(overwrite::deleteFile);
      add.forEach(overwrite::addFile);
      update = overwrite;
    }
    update.set(VERSION_UID, v.collectionUid());
    update.set(VERSION, String.valueOf(v.version()));
    update.commit();
    table.refresh();
    return table.currentSnapshot().snapshotId();
  }

  private static DataFile dataFile(
      Table table, Member m, ParquetMetadata footer, MetricsConfig config, NameMapping mapping) {
    Metrics metrics = ParquetUtil.footerMetrics(footer, Stream.empty(), config, mapping);
    return DataFiles.builder(table.spec())
        .withPath(m.location())
        .withFileSizeInBytes(m.size())
        .withFormat(FileFormat.PARQUET)
        .withMetrics(metrics)
        .withSplitOffsets(ParquetUtil.getSplitOffsets(footer))
        .build();
  }
}
