package org.lamindb.internal.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.lamindb.LaminDB;
import org.lamindb.model.SQLRecord;
import org.lamindb.spi.ModuleContext;
import org.lamindb.spi.RegistryDef;
import org.lamindb.spi.SqlDatabase;
import org.lamindb.storage.TransferProgress;

/**
 * Core's {@link ModuleContext}: the module SPI view of one {@link Instance}. One per instance (a
 * service of it), created when the handle connects.
 */
public final class InstanceModuleContext implements ModuleContext {
  /** Ids per {@code IN (...)} list, below SQLite's bind-variable limit. */
  private static final int ID_CHUNK = 900;

  private final Instance inst;

  private InstanceModuleContext(Instance inst) {
    this.inst = inst;
  }

  /**
   * @return the context of {@code inst}, created on first use
   */
  public static ModuleContext of(Instance inst) {
    return inst.service(InstanceModuleContext.class, InstanceModuleContext::new);
  }

  @Override
  public LaminDB ln() {
    return inst.ln();
  }

  @Override
  public SqlDatabase database() {
    return inst.db();
  }

  @Override
  public long userId() {
    return inst.userId();
  }

  @Override
  public long branchId() {
    return inst.branchId();
  }

  @Override
  public long spaceId() {
    return inst.spaceId();
  }

  @Override
  public Long currentRunId() {
    return inst.currentRunId();
  }

  @Override
  public Path cacheDir() {
    return inst.cacheDir();
  }

  @Override
  public TransferProgress transferProgress(String label, long size) {
    return inst.transferProgress(label, size);
  }

  @Override
  public <T> T service(Class<T> type, Supplier<T> create) {
    return inst.service(type, i -> create.get());
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <R extends SQLRecord<?>> List<R> load(Class<R> type, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    RegistryDef registry = inst.registry((Class) type);
    Map<Long, R> byId = new HashMap<>();
    for (int start = 0; start < ids.size(); start += ID_CHUNK) {
      List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + ID_CHUNK));
      for (SQLRecord<?> r : RecordStore.load(inst, registry, RecordStore.col("id").in(chunk))) {
        byId.put(r.id(), type.cast(r));
      }
    }
    List<R> out = new ArrayList<>(ids.size());
    for (Long id : ids) {
      R r = byId.get(id);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }
}
