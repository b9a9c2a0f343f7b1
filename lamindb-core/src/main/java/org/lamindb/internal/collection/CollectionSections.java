package org.lamindb.internal.collection;

import java.util.ArrayList;
import java.util.List;
import org.lamindb.internal.core.Describer;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.model.SQLRecord;

/** The describe() sections of a collection: version, schema and members. */
final class CollectionSections implements Describer.DescribeSection {
  private static final int SHOWN = 10;
  private final Instance inst;

  CollectionSections(Instance inst) {
    this.inst = inst;
  }

  @Override
  public List<Describer.Section> sections(SQLRecord<?> rec) {
    if (!(rec instanceof Collection c) || c.id() == null) {
      return List.of();
    }
    List<String> info = new ArrayList<>();
    info.add("version: " + c.version() + (Boolean.TRUE.equals(c.isLatest()) ? " (latest)" : ""));
    Object schemaId = c.get("schema_id");
    if (schemaId != null) {
      var s = RecordStore.byId(inst, inst.registry("Schema"), (Long) schemaId);
      info.add("schema: " + s.map(x -> String.valueOf(x.get("name"))).orElse("id " + schemaId));
    }
    List<Artifact> members = CollectionStore.of(inst).members(c);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < Math.min(SHOWN, members.size()); i++) {
      Artifact a = members.get(i);
      lines.add(a.uid() + "  " + (a.key() == null ? "" : a.key()));
    }
    if (members.size() > SHOWN) {
      lines.add("... and " + (members.size() - SHOWN) + " more");
    }
    return List.of(
        new Describer.Section("Collection", info),
        new Describer.Section("Artifacts (" + members.size() + ")", lines));
  }
}
