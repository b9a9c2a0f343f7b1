package org.lamindb.testing;

import java.util.List;
import org.lamindb.spi.LaminModule;
import org.lamindb.spi.Migration;
import org.lamindb.spi.RegistryDef;

/** A module whose first migration creates a table and then fails, to test that init is atomic. */
public final class FailingModule implements LaminModule {
  @Override
  public String name() {
    return "failmod";
  }

  @Override
  public List<RegistryDef> registries() {
    return List.of();
  }

  @Override
  public List<Migration> migrations() {
    return List.of(
        Migration.of(
            1,
            "half",
            b -> {
              b.table("failmod_thing").id().str("name", 50);
              b.sql("INSERT INTO no_such_table VALUES (1)");
            }));
  }
}
