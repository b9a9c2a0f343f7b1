package org.lamindb.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.lamindb.LaminDB;
import org.lamindb.model.SQLRecord;
import org.lamindb.storage.TransferProgress;

/**
 * What core offers a {@link LaminModule} on one connected instance: the public handle, the
 * database, the tracking values written rows carry (user, branch, space, current run), the cache
 * folder, progress reporting, per-instance services and loading of records by id. Core passes it to
 * {@link LaminModule#onConnect(ModuleContext)} and {@link LaminModule#facade(ModuleContext)};
 * modules never reach core's {@code internal} packages.
 *
 * <pre>{@code
 * public Object facade(ModuleContext ctx) {
 *   return ctx.service(MyFacade.class, () -> new MyFacade(ctx));
 * }
 * }</pre>
 */
public interface ModuleContext {

  /**
   * @return the public handle on the instance
   */
  LaminDB ln();

  /**
   * @return the instance's metadata database
   */
  SqlDatabase database();

  /**
   * @return id of the current user's row (written as {@code created_by_id})
   */
  long userId();

  /**
   * @return id of the current branch (written as {@code branch_id})
   */
  long branchId();

  /**
   * @return id of the current space (written as {@code space_id})
   */
  long spaceId();

  /**
   * @return id of the run new records are outputs of (set by lineage tracking), or null
   */
  Long currentRunId();

  /**
   * @return the instance's cache folder (modules keep downloads in a subfolder named after them)
   */
  Path cacheDir();

  /**
   * @param label what is transferred, e.g. a file name
   * @param size total bytes, or -1 when unknown
   * @return a progress listener (a progress bar in the CLI, silent elsewhere)
   */
  TransferProgress transferProgress(String label, long size);

  /**
   * @param type the service class, also its key
   * @param create makes the service on first use
   * @return the one service of {@code type} of this instance handle
   */
  <T> T service(Class<T> type, Supplier<T> create);

  /**
   * Loads records by primary key on any branch (trashed and archived records included).
   *
   * @param type the entity class of a registry of this instance
   * @param ids primary keys; missing ids are skipped
   * @return the records, in the order of {@code ids}
   */
  <R extends SQLRecord<?>> List<R> load(Class<R> type, List<Long> ids);
}
