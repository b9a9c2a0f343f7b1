package org.lamindb.spark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Sorts Spark's filters: those on artifact columns only are pruning filters (applied in the
 * registry, exact, not re-applied by Spark), those on data columns only go to Parquet's reader (row
 * groups skipped by statistics; Spark re-applies them to rows), the rest stay with Spark.
 */
final class LaminScanBuilder
    implements ScanBuilder, SupportsPushDownFilters, SupportsPushDownRequiredColumns {
  private final Selection selection;
  private final List<Filter> artifactFilters = new ArrayList<>();
  private final List<Filter> dataFilters = new ArrayList<>();
  private StructType required;

  LaminScanBuilder(Selection selection) {
    this.selection = selection;
    this.required = selection.schema();
  }

  @Override
  public Filter[] pushFilters(Filter[] filters) {
    Set<String> artifactCols = new HashSet<>(List.of(selection.partitionSchema.fieldNames()));
    Set<String> dataCols = new HashSet<>(List.of(selection.dataSchema.fieldNames()));
    List<Filter> postScan = new ArrayList<>();
    for (Filter f : filters) {
      String[] refs = f.references();
      boolean onArtifacts = refs.length > 0;
      boolean onData = refs.length > 0;
      for (String r : refs) {
        onArtifacts &= artifactCols.contains(r);
        onData &= dataCols.contains(r);
      }
      if (onArtifacts && RegistryFilters.exact(f)) {
        artifactFilters.add(f);
      } else if (onArtifacts) {
        artifactFilters.add(f);
        postScan.add(f);
      } else if (onData) {
        dataFilters.add(f);
        postScan.add(f);
      } else {
        postScan.add(f);
      }
    }
    return postScan.toArray(Filter[]::new);
  }

  @Override
  public Filter[] pushedFilters() {
    List<Filter> all = new ArrayList<>(artifactFilters);
    all.addAll(dataFilters);
    return all.toArray(Filter[]::new);
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    this.required = requiredSchema;
  }

  @Override
  public Scan build() {
    List<StructField> data = new ArrayList<>();
    List<StructField> part = new ArrayList<>();
    Set<String> artifactCols = new HashSet<>(List.of(selection.partitionSchema.fieldNames()));
    for (StructField f : required.fields()) {
      if (artifactCols.contains(f.name())) {
        part.add(selection.partitionSchema.apply(f.name()));
      } else {
        data.add(selection.dataSchema.apply(f.name()));
      }
    }
    return new LaminScan(
        selection,
        new StructType(data.toArray(StructField[]::new)),
        new StructType(part.toArray(StructField[]::new)),
        List.copyOf(artifactFilters),
        List.copyOf(dataFilters));
  }
}
