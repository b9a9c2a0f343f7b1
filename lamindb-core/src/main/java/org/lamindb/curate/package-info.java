/**
 * Validation results shared by core and module registries: {@link org.lamindb.curate.InspectResult}
 * is what {@code inspect} returns, for a query set ({@code ln.ulabels().inspect(values)}) as well
 * as for a bionty registry.
 */
package org.lamindb.curate;
