"""Writes an AnnData-encoded .h5ad of about N GiB with h5py, streaming X in row blocks (for the P10 benchmark).

Usage: /usr/bin/python3 make_big_h5ad.py OUT.h5ad [GiB=5]. Needs h5py and numpy (Debian: python3-h5py).
"""
import sys

import h5py
import numpy as np

out = sys.argv[1]
gib = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0
n_vars = 2000
n_obs = int(gib * (1 << 30) / (n_vars * 4))
str_dt = h5py.string_dtype("utf-8")
with h5py.File(out, "w") as f:
    f.attrs["encoding-type"] = "anndata"
    f.attrs["encoding-version"] = "0.1.0"
    x = f.create_dataset("X", shape=(n_obs, n_vars), dtype="float32", chunks=(1024, n_vars))
    x.attrs["encoding-type"] = "array"
    x.attrs["encoding-version"] = "0.2.0"
    rng = np.random.default_rng(0)
    block = 16384
    for start in range(0, n_obs, block):
        stop = min(n_obs, start + block)
        x[start:stop] = rng.random((stop - start, n_vars), dtype=np.float32)
    for name, n, prefix in (("obs", n_obs, "cell"), ("var", n_vars, "gene")):
        g = f.create_group(name)
        g.attrs["encoding-type"] = "dataframe"
        g.attrs["encoding-version"] = "0.2.0"
        g.attrs["_index"] = "_index"
        cols = ["n_counts"] if name == "obs" else []
        g.attrs.create("column-order", data=np.array(cols, dtype=object), dtype=str_dt)
        idx = g.create_dataset("_index", data=np.array([f"{prefix}{i}" for i in range(n)], dtype=object), dtype=str_dt)
        idx.attrs["encoding-type"] = "string-array"
        idx.attrs["encoding-version"] = "0.2.0"
        if name == "obs":
            c = g.create_dataset("n_counts", data=np.arange(n, dtype=np.float32))
            c.attrs["encoding-type"] = "array"
            c.attrs["encoding-version"] = "0.2.0"
    for name in ("layers", "obsm", "varm", "obsp", "varp", "uns"):
        g = f.create_group(name)
        g.attrs["encoding-type"] = "dict"
        g.attrs["encoding-version"] = "0.1.0"
print(f"wrote {out}: {n_obs} x {n_vars} float32")
