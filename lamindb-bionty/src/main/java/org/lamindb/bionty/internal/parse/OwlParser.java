package org.lamindb.bionty.internal.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.lamindb.bionty.OntologyTerm;
import org.lamindb.bionty.Synonym;
import org.semanticweb.owlapi.formats.OWLXMLDocumentFormat;
import org.semanticweb.owlapi.formats.RDFXMLDocumentFormat;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.io.GZipFileDocumentSource;
import org.semanticweb.owlapi.io.OWLOntologyDocumentSource;
import org.semanticweb.owlapi.io.OWLParserException;
import org.semanticweb.owlapi.io.UnparsableOntologyException;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLAnnotationAssertionAxiom;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLClassExpression;
import org.semanticweb.owlapi.model.OWLDocumentFormat;
import org.semanticweb.owlapi.model.OWLLiteral;
import org.semanticweb.owlapi.model.OWLObjectSomeValuesFrom;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLSubClassOfAxiom;
import uk.ac.manchester.cs.owl.owlapi.OWLDataFactoryImpl;
import uk.ac.manchester.cs.owl.owlapi.OWLOntologyFactoryImpl;
import uk.ac.manchester.cs.owl.owlapi.OWLOntologyManagerImpl;
import uk.ac.manchester.cs.owl.owlapi.concurrent.NonConcurrentOWLOntologyBuilder;

/**
 * Reads OWL ontologies in RDF/XML or OWL/XML with OWL API 5 and streams their classes as terms.
 *
 * <p>The file is loaded once into an OWL API ontology (only the RDF/XML and OWL/XML parsers are
 * registered; {@code owl:imports} are not followed); every named class with an {@code rdfs:label}
 * is then handed to the sink one at a time, in IRI order, with
 *
 * <ul>
 *   <li>id: the {@code oboInOwl:id} annotation, else the IRI, normalised ({@code
 *       http://purl.obolibrary.org/obo/CL_0000084} and {@code http://www.ebi.ac.uk/efo/EFO_0000001}
 *       become {@code CL:0000084} and {@code EFO:0000001});
 *   <li>name: the {@code rdfs:label} without language tag or in English, else any label;
 *   <li>description: {@code IAO:0000115};
 *   <li>synonyms: {@code oboInOwl:has{Exact,Related,Broad,Narrow}Synonym} with their scope;
 *   <li>parents: named superclasses, plus the fillers of {@code SubClassOf(ObjectSomeValuesFrom(
 *       BFO:0000050 X))} (part_of) when asked for;
 *   <li>obsolete: {@code owl:deprecated true}.
 * </ul>
 *
 * Malformed files fail with a {@link org.lamindb.ValidationException} naming the file and, when the
 * parser tells it, the line.
 */
public final class OwlParser {
  private static final String RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  private static final String OWL_NS = "http://www.w3.org/2002/07/owl#";
  private static final String OBO = "http://purl.obolibrary.org/obo/";
  private static final String OBO_IN_OWL = "http://www.geneontology.org/formats/oboInOwl#";
  private static final IRI DEFINITION = IRI.create(OBO + "IAO_0000115");
  private static final IRI OBO_ID = IRI.create(OBO_IN_OWL + "id");
  private static final IRI PART_OF = IRI.create(OBO + "BFO_0000050");
  private static final Map<IRI, Synonym.Scope> SYNONYMS =
      Map.of(
          IRI.create(OBO_IN_OWL + "hasExactSynonym"), Synonym.Scope.EXACT,
          IRI.create(OBO_IN_OWL + "hasRelatedSynonym"), Synonym.Scope.RELATED,
          IRI.create(OBO_IN_OWL + "hasBroadSynonym"), Synonym.Scope.BROAD,
          IRI.create(OBO_IN_OWL + "hasNarrowSynonym"), Synonym.Scope.NARROW);

  private static final Pattern LINE_IN_MESSAGE = Pattern.compile("\\[line=(\\d+):column=\\d+\\]");

  private final boolean partOf;

  /**
   * @param partOfAsParent whether {@code part_of} restrictions count as parents (Tissue,
   *     DevelopmentalStage)
   */
  public OwlParser(boolean partOfAsParent) {
    this.partOf = partOfAsParent;
  }

  /** The two XML syntaxes of OWL that are read. */
  public enum Syntax {
    /** RDF/XML, as the OBO Foundry publishes {@code .owl} files. */
    RDF_XML,
    /** OWL/XML ({@code <Ontology xmlns="http://www.w3.org/2002/07/owl#">}). */
    OWL_XML
  }

  /**
   * The ontology header of an OWL file.
   *
   * @param syntax RDF/XML or OWL/XML
   * @param ontologyIri the ontology IRI, e.g. {@code http://purl.obolibrary.org/obo/cl.owl}, or
   *     null
   * @param versionIri the {@code owl:versionIRI}, or null
   * @param imports the IRIs of {@code owl:imports} (not followed)
   */
  public record Header(Syntax syntax, String ontologyIri, String versionIri, List<String> imports) {

    /**
     * @return the source short name told by the ontology IRI ({@code .../obo/cl.owl} gives {@code
     *     cl}), or null
     */
    public String sourceName() {
      return sourceNameOf(ontologyIri);
    }
  }

  /**
   * @param ontologyIri an ontology IRI such as {@code http://purl.obolibrary.org/obo/cl.owl} or
   *     {@code http://www.ebi.ac.uk/efo/efo.owl}, or null
   * @return its last path segment without extension and without a {@code -variant} suffix,
   *     lower-cased ({@code .../cl.owl} and {@code .../cl-basic.owl} give {@code cl}), or null
   */
  public static String sourceNameOf(String ontologyIri) {
    if (ontologyIri == null) {
      return null;
    }
    String s = ontologyIri;
    while (s.endsWith("/") || s.endsWith("#")) {
      s = s.substring(0, s.length() - 1);
    }
    s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('#')) + 1);
    int dot = s.indexOf('.');
    s = dot > 0 ? s.substring(0, dot) : s;
    int dash = s.indexOf('-');
    s = dash > 0 ? s.substring(0, dash) : s;
    return s.isEmpty() ? null : s.toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Reads only the XML header of an OWL file: its syntax, ontology IRI, version IRI and imports.
   *
   * @throws org.lamindb.ValidationException when the file is neither RDF/XML nor OWL/XML
   */
  public static Header peek(Path file) {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.SUPPORT_DTD, true);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    XMLStreamReader r = null;
    try (InputStream in = SourceFiles.open(file)) {
      r = f.createXMLStreamReader(in);
      return peek(r, file);
    } catch (XMLStreamException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      throw SourceFiles.error(
          file,
          line,
          "not an OWL file in RDF/XML or OWL/XML: " + lastLine(e.getMessage()),
          "the file may be truncated or in another syntax");
    } catch (IOException e) {
      throw SourceFiles.ioError(file, e);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing left to release
        }
      }
    }
  }

  private static Header peek(XMLStreamReader r, Path file) throws XMLStreamException {
    while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
      // prolog, DTD, comments
    }
    if (!r.isStartElement()) {
      throw SourceFiles.error(file, 0, "no XML root element", "is the file empty?");
    }
    List<String> imports = new ArrayList<>();
    if (is(r, RDF_NS, "RDF")) {
      String ontology = null;
      String version = null;
      int depth = 1;
      boolean inOntology = false;
      int seen = 0;
      while (r.hasNext() && seen < 10_000) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          depth++;
          seen++;
          if (depth == 2) {
            if (!is(r, OWL_NS, "Ontology")) {
              break; // the header comes first in every OBO Foundry file
            }
            inOntology = true;
            ontology = r.getAttributeValue(RDF_NS, "about");
          } else if (depth == 3 && inOntology && is(r, OWL_NS, "versionIRI")) {
            version = r.getAttributeValue(RDF_NS, "resource");
          } else if (depth == 3 && inOntology && is(r, OWL_NS, "imports")) {
            String imp = r.getAttributeValue(RDF_NS, "resource");
            if (imp != null) {
              imports.add(imp);
            }
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          depth--;
          if (depth == 1 && inOntology) {
            break;
          }
        }
      }
      return new Header(Syntax.RDF_XML, ontology, version, imports);
    }
    if (is(r, OWL_NS, "Ontology")) {
      String ontology = r.getAttributeValue(null, "ontologyIRI");
      String version = r.getAttributeValue(null, "versionIRI");
      int depth = 1;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          depth++;
          if (depth == 2 && is(r, OWL_NS, "Import")) {
            imports.add(r.getElementText().strip());
            depth--;
          } else if (depth == 2 && !is(r, OWL_NS, "Prefix")) {
            break;
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
      return new Header(Syntax.OWL_XML, ontology, version, imports);
    }
    throw SourceFiles.error(
        file,
        r.getLocation().getLineNumber(),
        "not an OWL file: the root element is <" + r.getName() + ">",
        "expected <rdf:RDF> (RDF/XML) or <Ontology> (OWL/XML)");
  }

  /**
   * Loads {@code file} (plain or {@code .gz}) with OWL API, then hands every labelled class to the
   * sink that {@code sinkFor} returns for the file's header.
   *
   * @param sinkFor called once, after loading and before the first term, with the ontology header
   * @return the header and the number of terms handed over
   */
  public Result parse(Path file, Function<Header, Consumer<OntologyTerm>> sinkFor) {
    Header peeked = peek(file);
    OWLOntologyManagerImpl manager = newManager(peeked.syntax());
    OWLOntologyLoaderConfiguration config =
        new OWLOntologyLoaderConfiguration()
            .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.SILENT)
            .setReportStackTraces(false)
            .setStrict(false);
    for (String imp : peeked.imports()) {
      config = config.addIgnoredImport(IRI.create(imp));
    }
    OWLDocumentFormat format =
        peeked.syntax() == Syntax.RDF_XML ? new RDFXMLDocumentFormat() : new OWLXMLDocumentFormat();
    OWLOntologyDocumentSource source =
        file.getFileName().toString().endsWith(".gz")
            ? new GZipFileDocumentSource(file.toFile(), IRI.create(file.toUri()), format, null)
            : new FileDocumentSource(file.toFile(), format);
    OWLOntology ont;
    try {
      ont = manager.loadOntologyFromOntologyDocument(source, config);
    } catch (OWLOntologyCreationException e) {
      throw loadError(file, peeked.syntax(), e);
    } catch (OWLParserException e) {
      throw loadError(file, peeked.syntax(), e);
    }
    Header header =
        new Header(
            peeked.syntax(),
            ont.getOntologyID().getOntologyIRI().map(IRI::toString).orElse(peeked.ontologyIri()),
            ont.getOntologyID().getVersionIRI().map(IRI::toString).orElse(peeked.versionIri()),
            peeked.imports());
    Consumer<OntologyTerm> sink = sinkFor.apply(header);
    Map<OWLClass, String> ids = new HashMap<>();
    long n = 0;
    for (OWLClass c : (Iterable<OWLClass>) ont.classesInSignature().sorted()::iterator) {
      if (c.isOWLThing() || c.isOWLNothing()) {
        continue;
      }
      OntologyTerm t = term(ont, c, ids);
      if (t != null) {
        sink.accept(t);
        n++;
      }
    }
    manager.removeOntology(ont);
    return new Result(header, n);
  }

  /**
   * What {@link #parse} read.
   *
   * @param header the ontology header
   * @param terms number of terms handed over
   */
  public record Result(Header header, long terms) {}

  private OntologyTerm term(OWLOntology ont, OWLClass c, Map<OWLClass, String> ids) {
    String label = null;
    String otherLabel = null;
    String definition = null;
    boolean deprecated = false;
    List<Synonym> synonyms = new ArrayList<>();
    for (OWLAnnotationAssertionAxiom ax :
        (Iterable<OWLAnnotationAssertionAxiom>)
            ont.annotationAssertionAxioms(c.getIRI())::iterator) {
      IRI p = ax.getProperty().getIRI();
      if (ax.getAnnotation().isDeprecatedIRIAnnotation()) {
        deprecated = true;
        continue;
      }
      OWLLiteral lit = ax.getValue().asLiteral().orElse(null);
      if (lit == null) {
        continue;
      }
      String text = lit.getLiteral().strip();
      if (ax.getProperty().isLabel()) {
        String lang = lit.getLang();
        if (label == null && (lang.isEmpty() || lang.startsWith("en"))) {
          label = text;
        } else if (otherLabel == null) {
          otherLabel = text;
        }
      } else if (p.equals(DEFINITION)) {
        definition = definition == null ? text : definition;
      } else if (SYNONYMS.containsKey(p)) {
        if (!text.isEmpty()) {
          synonyms.add(new Synonym(text, SYNONYMS.get(p)));
        }
      }
    }
    String name = label != null ? label : otherLabel;
    if (name == null || name.isEmpty()) {
      return null; // bionty keeps only terms with both id and name
    }
    Set<String> parents = new LinkedHashSet<>();
    for (OWLSubClassOfAxiom ax :
        (Iterable<OWLSubClassOfAxiom>) ont.subClassAxiomsForSubClass(c)::iterator) {
      OWLClassExpression sup = ax.getSuperClass();
      if (sup.isOWLClass()) {
        if (!sup.isOWLThing()) {
          parents.add(id(ont, sup.asOWLClass(), ids));
        }
      } else if (partOf && sup instanceof OWLObjectSomeValuesFrom some) {
        if (some.getProperty().isNamed()
            && some.getProperty().getNamedProperty().getIRI().equals(PART_OF)
            && some.getFiller().isOWLClass()) {
          parents.add(id(ont, some.getFiller().asOWLClass(), ids));
        }
      }
    }
    return new OntologyTerm(
        id(ont, c, ids), name, definition, synonyms, new ArrayList<>(parents), deprecated);
  }

  /** The normalised id of a class: its oboInOwl:id annotation, else its IRI. */
  private static String id(OWLOntology ont, OWLClass c, Map<OWLClass, String> ids) {
    return ids.computeIfAbsent(
        c,
        k -> {
          for (OWLAnnotationAssertionAxiom ax :
              (Iterable<OWLAnnotationAssertionAxiom>)
                  ont.annotationAssertionAxioms(k.getIRI())::iterator) {
            if (ax.getProperty().getIRI().equals(OBO_ID)) {
              String v = ax.getValue().asLiteral().map(OWLLiteral::getLiteral).orElse("").strip();
              if (!v.isEmpty()) {
                return OntologyIds.normalize(v);
              }
            }
          }
          return OntologyIds.normalize(k.getIRI().toString());
        });
  }

  private static OWLOntologyManagerImpl newManager(Syntax syntax) {
    ReadWriteLock lock = new ReentrantReadWriteLock();
    OWLOntologyManagerImpl m = new OWLOntologyManagerImpl(new OWLDataFactoryImpl(), lock);
    m.setOntologyFactories(
        Set.of(new OWLOntologyFactoryImpl(new NonConcurrentOWLOntologyBuilder())));
    m.setOntologyParsers(
        Set.of(
            syntax == Syntax.RDF_XML
                ? new org.semanticweb.owlapi.rdf.rdfxml.parser.RDFXMLParserFactory()
                : new org.semanticweb.owlapi.owlxml.parser.OWLXMLParserFactory()));
    return m;
  }

  private static RuntimeException loadError(Path file, Syntax syntax, Exception e) {
    long line = 0;
    String message = null;
    List<Throwable> causes = new ArrayList<>();
    if (e instanceof UnparsableOntologyException u) {
      causes.addAll(u.getExceptions().values());
    }
    causes.add(e);
    for (Throwable t : causes) {
      for (Throwable c = t; c != null; c = c.getCause()) {
        if (line <= 0 && c instanceof OWLParserException p && p.getLineNumber() > 0) {
          line = p.getLineNumber();
        }
        if (line <= 0 && c instanceof org.xml.sax.SAXParseException s && s.getLineNumber() > 0) {
          line = s.getLineNumber();
        }
        if (c.getCause() == null && message == null && c != e) {
          message = lastLine(c.getMessage());
        }
      }
    }
    if (message == null || message.isBlank()) {
      message = lastLine(e.getMessage());
    }
    Matcher m = LINE_IN_MESSAGE.matcher(message);
    if (m.find()) {
      line = line > 0 ? line : Long.parseLong(m.group(1));
      message = (message.substring(0, m.start()) + message.substring(m.end())).strip();
    }
    return SourceFiles.error(
        file,
        line,
        "invalid OWL (" + (syntax == Syntax.RDF_XML ? "RDF/XML" : "OWL/XML") + "): " + message,
        "the file may be truncated or damaged; download it again");
  }

  private static boolean is(XMLStreamReader r, String ns, String local) {
    return ns.equals(r.getNamespaceURI()) && local.equals(r.getLocalName());
  }

  private static String lastLine(String s) {
    String last =
        s == null
            ? ""
            : s.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElse(s);
    return last.startsWith("Message: ") ? last.substring(9) : last;
  }
}
