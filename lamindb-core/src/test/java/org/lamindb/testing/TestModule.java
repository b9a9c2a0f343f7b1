package org.lamindb.testing;

import java.util.List;
import org.lamindb.spi.LaminModule;
import org.lamindb.spi.Migration;
import org.lamindb.spi.RegistryDef;
import org.lamindb.spi.SchemaBuilder;

/** A module with two schema versions, to test upgrades and refusals through the module SPI. */
public final class TestModule implements LaminModule {
  @Override
  public String name() {
    return "testmod";
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
            "things",
            b ->
                b.table("testmod_thing")
                    .id()
                    .str("name", 50)
                    .notNull()
                    .fk("artifact_id", "lamindb_artifact", SchemaBuilder.OnDelete.CASCADE)),
        Migration.of(
            2, "thing size", b -> b.sql("ALTER TABLE testmod_thing ADD COLUMN size BIGINT")));
  }
}
