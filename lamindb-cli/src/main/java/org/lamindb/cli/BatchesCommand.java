package org.lamindb.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.ml.Batch;
import org.lamindb.ml.BatchOptions;
import org.lamindb.ml.Join;
import org.lamindb.ml.MappedCollection;
import org.lamindb.ml.MappedOptions;
import org.lamindb.model.Collection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamin batches <collection> [options] [--format arrow|summary]}: streams the batches of one
 * epoch over a collection of AnnData artifacts, as an Arrow IPC stream on standard output (for a
 * Python training loop: {@code pyarrow.ipc.open_stream(sys.stdin.buffer)}) or as one summary line
 * per batch.
 */
@Command(
    name = "batches",
    mixinStandardHelpOptions = true,
    description = {
      "Stream training batches of a collection of AnnData artifacts (.h5ad, .zarr).",
      "--format arrow writes an Arrow IPC stream to stdout: one record batch per batch with",
      "row_id, one int32 column per --obs key (label codes), and x_indices/x_values (CSR rows)",
      "or x (dense rows); schema metadata var_index and labels.<key> hold the names as JSON."
    })
public final class BatchesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<collection>", description = "Collection key or uid.")
  String collection;

  @Option(names = "--batch-size", defaultValue = "4096", description = "Samples per batch (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--chunk-size", defaultValue = "64", description = "Contiguous rows per read (default ${DEFAULT-VALUE}).")
  int chunkSize;

  @Option(names = "--preload", defaultValue = "64", description = "Chunks shuffled together (default ${DEFAULT-VALUE}).")
  int preload;

  @Option(names = "--seed", description = "Shuffle with this seed (default: no shuffle).")
  Long seed;

  @Option(names = "--epoch", defaultValue = "0", description = "Epoch number mixed into the seed.")
  int epoch;

  @Option(names = "--weights", paramLabel = "<obs key>", description = "Balance the labels of this obs column (draws with replacement).")
  String weights;

  @Option(names = "--obs", paramLabel = "<obs key>", description = "Obs column carried as label codes; repeatable.")
  List<String> obs = new ArrayList<>();

  @Option(names = "--layer", defaultValue = "X", description = "X, a layer name or raw.X (default ${DEFAULT-VALUE}).")
  String layer;

  @Option(names = "--join", defaultValue = "inner", description = "Variables: inner, outer or none (default ${DEFAULT-VALUE}).")
  String join;

  @Option(names = "--rank", defaultValue = "0", description = "This process's shard.")
  int rank;

  @Option(names = "--world-size", defaultValue = "1", description = "Number of shards.")
  int worldSize;

  @Option(names = "--max-batches", description = "Stop after this many batches.")
  Long maxBatches;

  @Option(names = "--format", defaultValue = "summary", description = "arrow or summary (default ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("arrow") && !format.equals("summary")) {
      throw new InvalidArgumentException(
          "--format must be arrow or summary, got '" + format + "'");
    }
    try (LaminDB ln = LaminDB.connect()) {
      Collection c = ln.collections().get(collection);
      MappedOptions.Builder mb =
          MappedOptions.builder().layer(layer).join(join(join)).obsKeys(obs.toArray(new String[0]));
      BatchOptions.Builder ob =
          BatchOptions.builder()
              .batchSize(batchSize)
              .chunkSize(chunkSize)
              .preloadChunks(preload)
              .epoch(epoch)
              .rank(rank)
              .worldSize(worldSize);
      if (seed != null) {
        ob.shuffle(seed);
      }
      if (weights != null) {
        ob.weights(weights);
      }
      BatchOptions o = ob.build();
      try (MappedCollection mc = c.mapped(mb.build())) {
        if (format.equals("summary")) {
          summary(mc, o);
        } else {
          OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 20);
          ArrowBatches.write(mc, o, maxBatches == null ? Long.MAX_VALUE : maxBatches, out);
          out.flush();
        }
      }
    }
    return 0;
  }

  private void summary(MappedCollection mc, BatchOptions o) {
    var out = spec.commandLine().getOut();
    out.printf("collection %s: %d x %d%n", collection, mc.shape()[0], mc.shape()[1]);
    long n = 0;
    for (Batch b : mc.batches(o)) {
      if (maxBatches != null && n >= maxBatches) {
        break;
      }
      out.printf("batch %d: %d samples, %d stored values, first %s%n",
          n++, b.size(), b.x().data().length, b.rowIds().get(0));
    }
  }

  private static Join join(String s) {
    try {
      return Join.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidArgumentException("--join must be inner, outer or none, got '" + s + "'");
    }
  }
}
