package org.lamindb.spi;

import java.util.List;
import java.util.Map;

/**
 * Service-provider interface ({@link java.util.ServiceLoader}) behind {@code
 * collection.registerIceberg(catalogUri, "ns.table")}: registers the Parquet files of collection
 * versions in an Apache Iceberg table, in place. Core does not depend on Iceberg; {@code
 * org.lamindb:lamindb-spark} ships the implementation. Core resolves the members and the catalog
 * connection; the provider does the Iceberg work.
 */
public interface IcebergProvider {

  /**
   * Creates the table when missing and commits one snapshot per version that the table does not
   * hold yet, oldest first. Registering again without a new version changes nothing.
   *
   * @param request what to register
   * @return what the table holds afterwards
   */
  Registration register(Request request);

  /**
   * One Parquet file of a member artifact.
   *
   * @param artifactUid the member artifact
   * @param location absolute URI of the file ({@code file:/...})
   * @param size size in bytes
   */
  record Member(String artifactUid, String location, long size) {}

  /**
   * One collection version and its files, in member order.
   *
   * @param collectionUid the version's uid
   * @param version the version label ({@code 1}, {@code 2}, or its version tag)
   * @param members the files
   */
  record Version(String collectionUid, String version, List<Member> members) {}

  /**
   * A registration request.
   *
   * @param catalogUri the catalog's JDBC URI ({@code jdbc:sqlite:...}, {@code jdbc:postgresql:...})
   * @param catalogProperties Iceberg catalog properties (user, password, warehouse, ...)
   * @param catalogName the Iceberg catalog name rows are stored under
   * @param table {@code namespace.table}
   * @param versions the versions to hold, oldest first; the last one is the one registered
   */
  record Request(
      String catalogUri,
      Map<String, String> catalogProperties,
      String catalogName,
      String table,
      List<Version> versions) {}

  /**
   * The table after a registration.
   *
   * @param table {@code namespace.table}
   * @param metadataLocation the current metadata file
   * @param snapshotsAdded ids of the snapshots this call committed, oldest first (empty when the
   *     table was up to date)
   * @param snapshotByVersion snapshot id per collection version uid, for every version the table
   *     holds
   * @param dataFiles number of data files in the current snapshot
   */
  record Registration(
      String table,
      String metadataLocation,
      List<Long> snapshotsAdded,
      Map<String, Long> snapshotByVersion,
      int dataFiles) {}
}
