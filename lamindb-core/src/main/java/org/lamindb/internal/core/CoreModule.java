package org.lamindb.internal.core;

import java.util.List;
import org.lamindb.internal.db.CoreMigrations;
import org.lamindb.spi.LaminModule;
import org.lamindb.spi.Migration;
import org.lamindb.spi.RegistryDef;

/** Core LaminDB ({@code lamindb}) as a module: always enabled, migrated first. */
public final class CoreModule implements LaminModule {
  /** The module name and table prefix. */
  public static final String NAME = "lamindb";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<RegistryDef> registries() {
    return CoreRegistries.all();
  }

  @Override
  public List<Migration> migrations() {
    return CoreMigrations.all();
  }

  /**
   * Attaches the new handle to the shell run of the working directory ({@code lamin track}), if one
   * is open.
   */
  @Override
  public void onConnect(org.lamindb.spi.ModuleContext ctx) {
    org.lamindb.internal.lineage.ShellRuns.attach(ctx.ln());
  }
}
