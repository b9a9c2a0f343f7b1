package org.lamindb.bionty;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.lamindb.StorageException;
import org.lamindb.bionty.internal.db.BiontyRegistries;
import org.lamindb.bionty.internal.db.BiontySchema;
import org.lamindb.bionty.internal.db.SourceRows;
import org.lamindb.bionty.internal.db.Tracking;
import org.lamindb.spi.HostRelation;
import org.lamindb.spi.LaminModule;
import org.lamindb.spi.Migration;
import org.lamindb.spi.ModuleContext;
import org.lamindb.spi.RegistryDef;
import org.lamindb.spi.RelationDef;

/**
 * The {@code bionty} module: ontology and gene registries (tables {@code bionty_*}), found through
 * {@link java.util.ServiceLoader} and enabled with {@code lamin init --modules bionty}.
 */
public final class BiontyModule implements LaminModule {
  private static final List<Migration> MIGRATIONS =
      List.of(
          Migration.of(
              1, "bionty registries, sources, parents and artifact links", BiontySchema::v1));

  /** Creates the module; called by the ServiceLoader. */
  public BiontyModule() {}

  @Override
  public String name() {
    return "bionty";
  }

  @Override
  public List<RegistryDef> registries() {
    return BiontyRegistries.all();
  }

  /**
   * @return LaminDB's relations from Artifact to every bionty registry ({@code cell_types}, {@code
   *     diseases}, ...) over the {@code bionty_artifact<model>} link tables
   */
  @Override
  public List<HostRelation> hostRelations() {
    List<HostRelation> out = new java.util.ArrayList<>();
    for (BiontyEntity e : BiontyEntity.values()) {
      String m = e.modelName();
      out.add(
          new HostRelation(
              "Artifact",
              RelationDef.many(
                  e.artifactRelation(),
                  e.registryName(),
                  "bionty_artifact" + m,
                  "artifact_id",
                  m + "_id")));
    }
    return out;
  }

  @Override
  public List<Migration> migrations() {
    return MIGRATIONS;
  }

  /** Seeds {@code bionty_source} with LaminDB's default sources on an instance that has none. */
  @Override
  public void onConnect(ModuleContext ctx) {
    try (Connection c = ctx.database().connection()) {
      SourceRows.seedDefaults(
          c, new Tracking(ctx.database(), ctx.userId(), null, ctx.branchId(), ctx.spaceId()));
    } catch (SQLException e) {
      throw new StorageException("cannot seed bionty_source: " + e.getMessage(), e);
    }
  }

  /**
   * @return the {@link Bionty} facade of {@code ln}, one per instance handle
   */
  @Override
  public Object facade(ModuleContext ctx) {
    return ctx.service(Bionty.class, () -> new Bionty(ctx));
  }
}
