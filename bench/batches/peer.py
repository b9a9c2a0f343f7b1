"""Peer loop for P9 (d): h5py reading the same chunk pattern as batches() (chunks of 64 contiguous
rows, 64 chunks per preload window, shuffled chunk order and rows, batches of 4096 as CSR)."""
import glob, sys, time
import h5py, numpy as np

d, seconds = sys.argv[1], float(sys.argv[2])
files = [h5py.File(p, "r") for p in sorted(glob.glob(d + "/*.h5ad"))]
chunks = []
for fi, f in enumerate(files):
    n = f["X"]["indptr"].shape[0] - 1
    chunks += [(fi, s, min(n, s + 64)) for s in range(0, n, 64)]
rng = np.random.default_rng(1)
order = rng.permutation(len(chunks))
t0 = time.time(); samples = 0
for w in range(0, len(order), 64):
    parts = []
    for ci in order[w:w + 64]:
        fi, s, e = chunks[ci]
        g = files[fi]["X"]
        ptr = g["indptr"][s:e + 1]
        data = g["data"][ptr[0]:ptr[-1]]; idx = g["indices"][ptr[0]:ptr[-1]]
        for r in range(e - s):
            parts.append((data[ptr[r] - ptr[0]:ptr[r + 1] - ptr[0]], idx[ptr[r] - ptr[0]:ptr[r + 1] - ptr[0]]))
    perm = rng.permutation(len(parts))
    for b in range(0, len(perm), 4096):
        sel = [parts[i] for i in perm[b:b + 4096]]
        data = np.concatenate([p[0] for p in sel]); idx = np.concatenate([p[1] for p in sel])
        indptr = np.concatenate([[0], np.cumsum([len(p[0]) for p in sel])])
        samples += len(sel)
    if time.time() - t0 > seconds:
        break
dt = time.time() - t0
print(f"(d) peer h5py loop: {samples} samples in {dt:.2f} s = {samples / dt:.0f} samples/s")
