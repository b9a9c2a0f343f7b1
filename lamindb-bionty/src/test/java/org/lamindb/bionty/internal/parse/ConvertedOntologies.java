package org.lamindb.bionty.internal.parse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.geneontology.obographs.core.io.OgJsonGenerator;
import org.geneontology.obographs.core.model.AbstractNode;
import org.geneontology.obographs.core.model.Edge;
import org.geneontology.obographs.core.model.Graph;
import org.geneontology.obographs.core.model.GraphDocument;
import org.geneontology.obographs.core.model.Meta;
import org.geneontology.obographs.core.model.Node;
import org.geneontology.obographs.core.model.meta.DefinitionPropertyValue;
import org.geneontology.obographs.core.model.meta.SynonymPropertyValue;
import org.lamindb.bionty.SharedData;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.OWLXMLDocumentFormat;
import org.semanticweb.owlapi.formats.RDFXMLDocumentFormat;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLAnnotationAssertionAxiom;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLDocumentFormat;
import org.semanticweb.owlapi.model.OWLLiteral;
import org.semanticweb.owlapi.model.OWLObjectSomeValuesFrom;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.OWLOntologyStorageException;
import org.semanticweb.owlapi.model.OWLSubClassOfAxiom;

/**
 * Test inputs written by other tools from the shared OBO files: OWL API 5 parses the OBO file with
 * its own OBO parser (not ours) and writes it as RDF/XML or OWL/XML; the obographs library writes
 * OBO Graph JSON from the same OWL ontology. Files are made once per test JVM in a temporary folder
 * removed at exit.
 *
 * <p>obographs-owlapi 0.3.1 (the OWL to OBO Graph converter) is compiled against OWL API 4 and
 * fails on OWL API 5 ({@code NoSuchMethodError: OWLOntologyID.getOntologyIRI()} returning Guava's
 * Optional), so the graph is built here with obographs-core's model following obographs' FromOwl
 * mapping (node id = class IRI, {@code lbl}, type CLASS, {@code meta.definition}, {@code
 * meta.synonyms} with {@code hasExactSynonym}/..., {@code meta.deprecated}; edge {@code is_a} for
 * named superclasses and the property IRI for {@code SubClassOf(ObjectSomeValuesFrom(p X))}; graph
 * {@code meta.version} = version IRI) and serialised by obographs' own {@link OgJsonGenerator}.
 */
public final class ConvertedOntologies {
  private static final Map<String, Path> MADE = new HashMap<>();
  private static Path dir;

  private ConvertedOntologies() {}

  /**
   * @param obo a file of the shared ontology folder, e.g. {@code cl-basic.obo}
   * @return the same ontology as RDF/XML written by OWL API ({@code <stem>.owl})
   */
  public static Path rdfXml(String obo) {
    return rdfXml(SharedData.file(obo));
  }

  /**
   * @param obo an OBO file
   * @return the same ontology as RDF/XML written by OWL API ({@code <stem>.owl})
   */
  public static synchronized Path rdfXml(Path obo) {
    return MADE.computeIfAbsent(obo + ".owl", k -> write(obo, ".owl", new RDFXMLDocumentFormat()));
  }

  /**
   * @return the same ontology as OWL/XML written by OWL API ({@code <stem>.owx.xml})
   */
  public static synchronized Path owlXml(String obo) {
    Path src = SharedData.file(obo);
    return MADE.computeIfAbsent(
        src + ".owx", k -> write(src, ".owx.xml", new OWLXMLDocumentFormat()));
  }

  /**
   * @return the same ontology as OBO Graph JSON written by obographs ({@code <stem>.json})
   */
  public static Path oboGraphJson(String obo) {
    return oboGraphJson(SharedData.file(obo));
  }

  /**
   * @param obo an OBO file
   * @return the same ontology as OBO Graph JSON written by obographs ({@code <stem>.json})
   */
  public static synchronized Path oboGraphJson(Path obo) {
    return MADE.computeIfAbsent(obo + ".json", k -> writeGraph(obo));
  }

  /** Loads an OBO file with OWL API's OBO parser. */
  static OWLOntology load(Path src) {
    OWLOntologyManager m = OWLManager.createOWLOntologyManager();
    try {
      return m.loadOntologyFromOntologyDocument(src.toFile());
    } catch (OWLOntologyCreationException e) {
      throw new IllegalStateException("OWL API cannot read " + src + ": " + e.getMessage(), e);
    }
  }

  private static Path write(Path obo, String ext, OWLDocumentFormat format) {
    OWLOntology ont = load(obo);
    Path out = folder().resolve(stem(obo) + ext);
    try (OutputStream os = Files.newOutputStream(out)) {
      ont.getOWLOntologyManager().saveOntology(ont, format, os);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OWLOntologyStorageException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static Path writeGraph(Path obo) {
    OWLOntology ont = load(obo);
    Graph.Builder g = new Graph.Builder();
    Meta.Builder gm = new Meta.Builder();
    ont.getOntologyID().getVersionIRI().ifPresent(v -> gm.version(v.toString()));
    g.meta(gm.build());
    ont.getOntologyID().getOntologyIRI().ifPresent(i -> g.id(i.toString()));
    IRI definition = IRI.create("http://purl.obolibrary.org/obo/IAO_0000115");
    String oboInOwl = "http://www.geneontology.org/formats/oboInOwl#";
    for (OWLClass c : (Iterable<OWLClass>) ont.classesInSignature().sorted()::iterator) {
      Node.Builder n =
          new Node.Builder().id(c.getIRI().toString()).type(AbstractNode.RDFTYPES.CLASS);
      Meta.Builder meta = new Meta.Builder();
      boolean hasMeta = false;
      for (OWLAnnotationAssertionAxiom ax :
          (Iterable<OWLAnnotationAssertionAxiom>)
              ont.annotationAssertionAxioms(c.getIRI())::iterator) {
        String lv = ax.getValue().asLiteral().map(OWLLiteral::getLiteral).orElse(null);
        String p = ax.getProperty().getIRI().toString();
        if (ax.isDeprecatedIRIAssertion()) {
          meta.deprecated(true);
          hasMeta = true;
        } else if (ax.getProperty().isLabel() && lv != null) {
          n.label(lv);
        } else if (ax.getProperty().getIRI().equals(definition) && lv != null) {
          meta.definition(new DefinitionPropertyValue.Builder().val(lv).build());
          hasMeta = true;
        } else if (p.startsWith(oboInOwl + "has") && p.endsWith("Synonym") && lv != null) {
          meta.addSynonym(
              new SynonymPropertyValue.Builder()
                  .pred(p.substring(oboInOwl.length()))
                  .val(lv)
                  .build());
          hasMeta = true;
        }
      }
      if (hasMeta) {
        n.meta(meta.build());
      }
      g.addNode(n.build());
    }
    for (OWLSubClassOfAxiom ax :
        (Iterable<OWLSubClassOfAxiom>)
            ont.axioms(org.semanticweb.owlapi.model.AxiomType.SUBCLASS_OF).sorted()::iterator) {
      if (!ax.getSubClass().isOWLClass()) {
        continue;
      }
      String sub = ax.getSubClass().asOWLClass().getIRI().toString();
      if (ax.getSuperClass().isOWLClass()) {
        g.addEdge(
            new Edge.Builder()
                .sub(sub)
                .pred("is_a")
                .obj(ax.getSuperClass().asOWLClass().getIRI().toString())
                .build());
      } else if (ax.getSuperClass() instanceof OWLObjectSomeValuesFrom s
          && s.getProperty().isNamed()
          && s.getFiller().isOWLClass()) {
        g.addEdge(
            new Edge.Builder()
                .sub(sub)
                .pred(s.getProperty().getNamedProperty().getIRI().toString())
                .obj(s.getFiller().asOWLClass().getIRI().toString())
                .build());
      }
    }
    Path out = folder().resolve(stem(obo) + ".json");
    try {
      OgJsonGenerator.write(out.toFile(), new GraphDocument.Builder().addGraph(g.build()).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String stem(Path obo) {
    String n = obo.getFileName().toString();
    return n.substring(0, n.lastIndexOf('.'));
  }

  private static Path folder() {
    if (dir == null) {
      try {
        dir = Files.createTempDirectory("lamin-converted-ontologies");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path d = dir;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try (Stream<Path> s = Files.walk(d)) {
                      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    } catch (IOException ignored) {
                      // best effort
                    }
                  }));
    }
    return dir;
  }
}
