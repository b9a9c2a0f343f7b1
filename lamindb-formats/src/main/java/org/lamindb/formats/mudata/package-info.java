/** MuData ({@code .h5mu}, MuData {@code .zarr}) as artifacts: detection, describe and loading. */
package org.lamindb.formats.mudata;
