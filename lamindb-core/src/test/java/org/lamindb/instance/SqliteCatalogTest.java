package org.lamindb.instance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lamindb.InstanceException;
import org.lamindb.testing.Backend;

class SqliteCatalogTest extends AbstractCatalogTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }

  @Test
  void sqliteInstancesNeedNoClone() {
    assertThatThrownBy(() -> owner.cloneInstance(ln.slug(), true))
        .isInstanceOf(InstanceException.class)
        .hasMessageContaining("on SQLite already");
  }
}
