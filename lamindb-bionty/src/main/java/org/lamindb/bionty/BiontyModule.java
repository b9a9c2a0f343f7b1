package org.lamindb.bionty;

import java.util.List;
import org.lamindb.bionty.internal.db.BiontyRegistries;
import org.lamindb.bionty.internal.db.BiontySchema;
import org.lamindb.spi.LaminModule;
import org.lamindb.spi.Migration;
import org.lamindb.spi.RegistryDef;

/**
 * The {@code bionty} module: ontology and gene registries (tables {@code bionty_*}), found through
 * {@link java.util.ServiceLoader} and enabled with {@code lamin init --modules bionty}.
 */
public final class BiontyModule implements LaminModule {
  private static final List<Migration> MIGRATIONS =
      List.of(Migration.of(1, "bionty registries, sources, parents and artifact links", BiontySchema::v1));

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

  @Override
  public List<Migration> migrations() {
    return MIGRATIONS;
  }
}
