package org.vomcase.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * What a deployed diagram or decision table may do. A diagram runs as the engine, beyond every
 * authorization, so an administrator's deployment is held to the product's building blocks: the
 * application's own delegates, listeners and plans, the case's variables, the engine's date functions.
 * Refused: scripts (script tasks, {@code camunda:script}, script expression languages, FEEL's external
 * Java functions), Java classes outside the application, expressions that call anything but the
 * application's beans or reach through a variable to the engine ({@code getClass()},
 * {@code execution.processEngineServices}, ...), expressions in names and documentation (everyone who sees a
 * task sees them), assignments outside the role model (tasks go to the case's mediators or to groups), and
 * a called process's business key other than the case's number.
 */
public final class DeploymentPolicy {

  /** Functions a diagram may call. */
  static final Set<String> FUNCTIONS = Set.of("dateTime", "now");

  /** Methods of the execution and the task a diagram may call. */
  static final Set<String> SCOPE_METHODS = Set.of("setVariable", "setVariableLocal", "getVariable", "getVariableLocal",
      "hasVariable", "removeVariable");

  /** Variables and properties a diagram may not name: they lead to the engine and its services. */
  private static final Pattern FORBIDDEN_PROPERTY = Pattern.compile(
      "(?i)class|classLoader|processEngine.*|.*Services?|.*Configuration|runtime|delegate.*|.*Context|bpmnModel.*|.*Instance.*Entity");

  /** Task assignment: the case's mediators (the role model), a static user or group list. */
  private static final Set<String> ASSIGNMENT_EXPRESSIONS = Set.of("${leadMediator}", "${coMediator}", "${mediators}");

  private static final Set<String> CALLED_BUSINESS_KEYS = Set.of("#{execution.processBusinessKey}",
      "${execution.processBusinessKey}");

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  private final Predicate<String> applicationBean;

  /** A policy whose diagrams may call the beans this predicate accepts (the application's building blocks). */
  public DeploymentPolicy(Predicate<String> applicationBean) {
    this.applicationBean = applicationBean;
  }

  /** Every violation of one deployed resource, each naming the element and what it does; empty when it may be deployed. */
  public List<String> check(String resourceName, byte[] bytes) {
    String name = resourceName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
      return checkXml(resourceName, bytes, false);
    }
    if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
      return checkXml(resourceName, bytes, true);
    }
    if (name.endsWith(".form") || name.endsWith(".png") || name.endsWith(".svg")) {
      return List.of();
    }
    return List.of(resourceName + ": only diagrams (.bpmn), decision tables (.dmn), forms (.form) and diagram images"
        + " are deployed; scripts and other files are not");
  }

  private List<String> checkXml(String resource, byte[] bytes, boolean decisionTable) {
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      return List.of(resource + ": not a readable XML file");
    }
    List<String> violations = new ArrayList<>();
    walk(resource, document.getDocumentElement(), decisionTable, violations);
    return violations;
  }

  private void walk(String resource, Element element, boolean decisionTable, List<String> violations) {
    String local = element.getLocalName();
    String where = resource + ", " + local + (element.hasAttribute("id") ? " " + element.getAttribute("id") : "");
    if ("scriptTask".equals(local) || ("script".equals(local) && CAMUNDA.equals(element.getNamespaceURI()))) {
      violations.add(where + ": scripts are not run by this product; use the application's delegates (element templates)");
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      checkAttribute(where, element, attribute, decisionTable, violations);
    }
    if (("documentation".equals(local) || "text".equals(local) && !decisionTable) && EXPRESSION.matcher(text(element)).find()) {
      violations.add(where + ": documentation and annotations are shown as they are; no expressions in them");
    } else if (element.getFirstChild() != null && onlyText(element)) {
      // Text, CDATA and comments in any mix: the engine reads them as one text (a CDATA section or a comment
      // must not hide an expression or FEEL's 'external' from this check).
      String text = text(element);
      if (decisionTable && text.matches("(?s).*\\bexternal\\b.*")) {
        violations.add(where + ": FEEL functions that call Java ('external') are not allowed");
      }
      checkExpressions(where, text, violations);
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        walk(resource, child, decisionTable, violations);
      }
    }
  }

  private void checkAttribute(String where, Element element, Attr attribute, boolean decisionTable, List<String> violations) {
    String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    String value = attribute.getValue();
    // camunda:assignee on a BPMN element, or businessKey on a camunda:in element: both are the engine's extensions.
    boolean camunda = CAMUNDA.equals(attribute.getNamespaceURI())
        || (attribute.getNamespaceURI() == null && CAMUNDA.equals(element.getNamespaceURI()));
    if (name.equals("scriptFormat") || (name.equals("language") && !value.isBlank())) {
      violations.add(where + ": scripts are not run by this product");
      return;
    }
    if (name.equals("expressionLanguage") && !value.isBlank() && !value.toLowerCase(Locale.ROOT).contains("feel")) {
      violations.add(where + ": the expression language '" + value + "' is not allowed (decision tables use FEEL)");
      return;
    }
    if (camunda && name.equals("class") && !value.startsWith("org.vomcase.")) {
      violations.add(where + ": Java class " + value + " is not one of the application's");
      return;
    }
    if (camunda && name.equals("resource")) {
      violations.add(where + ": external scripts and resources are not run by this product");
      return;
    }
    if (name.equals("name") && attribute.getNamespaceURI() == null && !CAMUNDA.equals(element.getNamespaceURI())
        && EXPRESSION.matcher(value).find()) {
      violations.add(where + ": a name is shown to everyone who sees the element; no expressions in names");
      return;
    }
    if (camunda && (name.equals("assignee") || name.equals("candidateUsers") || name.equals("candidateGroups"))
        && EXPRESSION.matcher(value).find() && !ASSIGNMENT_EXPRESSIONS.contains(value.trim())) {
      violations.add(where + ": tasks go to the case's mediators (" + String.join(", ", ASSIGNMENT_EXPRESSIONS)
          + ") or to named users and groups, not to '" + value + "'");
      return;
    }
    if (camunda && name.equals("businessKey") && !CALLED_BUSINESS_KEYS.contains(value.trim())) {
      violations.add(where + ": a called process carries the case's number (#{execution.processBusinessKey})");
      return;
    }
    checkExpressions(where, value, violations);
  }

  private void checkExpressions(String where, String text, List<String> violations) {
    Matcher matcher = EXPRESSION.matcher(text);
    while (matcher.find()) {
      String expression = matcher.group();
      try {
        Node root = new Builder(Builder.Feature.METHOD_INVOCATIONS).build(expression).getRoot();
        String problem = problem(root);
        if (problem != null) {
          violations.add(where + ": " + expression + ": " + problem);
        }
      } catch (RuntimeException unparsable) {
        violations.add(where + ": " + expression + " is not an expression");
      }
    }
  }

  /** What is wrong with an expression tree, or null. */
  private String problem(Node node) {
    if (node instanceof AstFunction function) {
      if (!FUNCTIONS.contains(function.getName())) {
        return "the function " + function.getName() + "() is not available to diagrams";
      }
    } else if (node instanceof AstMethod) {
      Node property = node.getChild(0);
      String method = propertyName(property);
      Node base = property.getChild(0);
      boolean bean = base instanceof AstIdentifier identifier && applicationBean.test(identifier.getName());
      boolean scope = base instanceof AstIdentifier identifier
          && ("execution".equals(identifier.getName()) || "task".equals(identifier.getName())) && SCOPE_METHODS.contains(method);
      boolean date = rootedInDateFunction(base);
      if (!bean && !scope && !date) {
        return "calls " + method + "() on something that is not one of the application's beans";
      }
      if (!date && (method == null || FORBIDDEN_PROPERTY.matcher(method.replaceFirst("^(get|set|is)", "")).matches()
          || method.equals("getClass"))) {
        return "the method " + method + "() is not available to diagrams";
      }
      // the method's base may only be checked as a whole: a bean, the scope or a date
      Node parameters = node.getChild(1);
      for (int i = 0; parameters != null && i < parameters.getCardinality(); i++) {
        String inner = problem(parameters.getChild(i));
        if (inner != null) {
          return inner;
        }
      }
      return date ? problem(base) : null;
    } else if (node instanceof AstDot dot) {
      String name = propertyName(dot);
      if (name == null || FORBIDDEN_PROPERTY.matcher(name).matches()) {
        return "the property " + name + " is not available to diagrams";
      }
    } else if (node instanceof AstBracket) {
      if (!(node.getChild(1) instanceof AstString)) {
        return "a computed property ([...]) is not available to diagrams";
      }
    } else if (node instanceof AstIdentifier identifier && FORBIDDEN_PROPERTY.matcher(identifier.getName()).matches()) {
      return identifier.getName() + " is not available to diagrams";
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      Node child = node.getChild(i);
      if (child != null) {
        String problem = problem(child);
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  private static boolean rootedInDateFunction(Node node) {
    Node current = node;
    while (current instanceof AstMethod || current instanceof AstDot) {
      current = current instanceof AstMethod ? current.getChild(0).getChild(0) : current.getChild(0);
    }
    return current instanceof AstFunction function && FUNCTIONS.contains(function.getName());
  }

  private static String propertyName(Node property) {
    if (property instanceof AstDot) {
      String text = property.toString();
      return text.startsWith(". ") ? text.substring(2) : null;
    }
    if (property instanceof AstBracket && property.getChild(1) instanceof AstString string) {
      return String.valueOf(string.eval(null, null));
    }
    return null;
  }

  /** Whether an element holds only text (text nodes, CDATA sections, comments), no elements. */
  private static boolean onlyText(Element element) {
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      short type = children.item(i).getNodeType();
      if (type != org.w3c.dom.Node.TEXT_NODE && type != org.w3c.dom.Node.CDATA_SECTION_NODE
          && type != org.w3c.dom.Node.COMMENT_NODE) {
        return false;
      }
    }
    return true;
  }

  private static String text(Element element) {
    return element.getTextContent() == null ? "" : element.getTextContent();
  }

  /** The node types the policy knows; anything else in a tree is judged by its children. */
  @SuppressWarnings("unused")
  private static final List<Class<? extends AstNode>> KNOWN = List.of(AstFunction.class, AstMethod.class, AstDot.class,
      AstBracket.class, AstIdentifier.class);
}
