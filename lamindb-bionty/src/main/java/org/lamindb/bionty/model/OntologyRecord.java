package org.lamindb.bionty.model;

import org.lamindb.LaminDB;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.BiontyUids;
import org.lamindb.spi.RegistryDef;

/**
 * A record of an ontology registry with {@code name} and {@code ontology_id} (LaminDB's {@code
 * HasOntologyId}): CellType, Tissue, Disease, ... Its uid is derived from the ontology id (else the
 * name).
 *
 * @param <T> the entity type
 */
public abstract class OntologyRecord<T extends OntologyRecord<T>> extends BioRecord<T> {

  /**
   * @see BioRecord#BioRecord
   */
  protected OntologyRecord(LaminDB ln, RegistryDef registry, BiontyEntity entity) {
    super(ln, registry, entity);
  }

  /**
   * @return the name
   */
  public String name() {
    return (String) get("name");
  }

  /** Sets the name (and the uid, when there is no ontology id). */
  public T name(String name) {
    set("name", name);
    return updateUid();
  }

  /**
   * @return the ontology id, e.g. {@code CL:0000084}, or null
   */
  public String ontologyId() {
    return (String) get("ontology_id");
  }

  /** Sets the ontology id and the uid derived from it. */
  public T ontologyId(String ontologyId) {
    set("ontology_id", ontologyId);
    return updateUid();
  }

  private T updateUid() {
    if (id() != null) {
      return self();
    }
    String oid = ontologyId();
    if (oid != null) {
      return set("uid", BiontyUids.ofOntologyRecord(oid));
    }
    return name() == null ? self() : set("uid", BiontyUids.ofNamedRecord(name(), null));
  }

  @Override
  public String toString() {
    return entity().className() + "(name='" + name() + "', ontology_id='" + ontologyId() + "')";
  }
}
