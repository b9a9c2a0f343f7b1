package org.lamindb.spark;

import java.util.List;

/**
 * What the planning of one {@code lamindb} scan decided, for tests, benchmarks and logs ({@link
 * LaminSpark#lastScan()}).
 *
 * @param instance the instance slug
 * @param candidates artifacts the options selected (collection members, {@code artifacts} lookups)
 * @param selected artifacts left after the filters pushed to the registry
 * @param pruned {@code candidates - selected}: artifacts whose files are never opened
 * @param files Parquet files (splits) planned as input partitions
 * @param registryFilters the Spark filters translated to registry lookups
 * @param parquetFilters the Spark filters passed to the Parquet reader
 * @param planningNanos time spent in the registry query and partition planning
 */
public record ScanReport(
    String instance,
    int candidates,
    int selected,
    int pruned,
    int files,
    List<String> registryFilters,
    List<String> parquetFilters,
    long planningNanos) {}
