package org.lamindb.formats.anndata;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Helpers for building test tables. */
final class AnnDataSupport {
  private AnnDataSupport() {}

  static Table index(String name, int n) {
    StringColumn c = StringColumn.create("_index");
    for (int i = 0; i < n; i++) {
      c.append(name + i);
    }
    return Table.create(name, c);
  }
}
