package org.lamindb.formats.ml;

/**
 * A preload window: which rows to emit, in order. Row {@code k} is row {@code rowInChunk[k]} of
 * chunk {@code chunk[k]} (an index into {@link #chunks}), and collection row {@code global[k]}.
 *
 * @param chunks the chunks to read, each once
 * @param chunk for each emitted row, the index of its chunk in {@code chunks}
 * @param rowInChunk for each emitted row, its position in the chunk's selected rows
 */
record Window(BatchPlan.Chunk[] chunks, int[] chunk, int[] rowInChunk) {
  int size() {
    return chunk.length;
  }
}
