package org.lamindb.spark;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A LaminDB selection (collection version or artifact lookups) as a Spark table. Writes go through
 * the V1 {@code CreatableRelationProvider} path of {@link LaminDataSource} (any save mode), so this
 * table only reads.
 */
final class LaminTable implements SupportsRead {
  private final String name;
  private final Supplier<Selection> selection;

  LaminTable(String name, Supplier<Selection> selection) {
    this.name = name;
    this.selection = selection;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  @SuppressWarnings("deprecation")
  public StructType schema() {
    return selection.get().schema();
  }

  @Override
  public Set<TableCapability> capabilities() {
    return EnumSet.of(TableCapability.BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    return new LaminScanBuilder(selection.get());
  }

  Selection selection() {
    return selection.get();
  }
}
