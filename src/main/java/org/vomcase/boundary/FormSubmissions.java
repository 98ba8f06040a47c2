package org.vomcase.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.vomcase.kernel.ErrorText;

/**
 * A form submission ({@code submit-form} of a task or of a start form) may set exactly what the deployed
 * form lets a person set: the variables of its input fields, with the nested keys of its groups, as plain
 * values. Everything else the process owns (who mediates, where reports go, the case number, any
 * variable a listener computes) cannot be written this way; values the form only shows are dropped, and
 * a start never chooses its case's number.
 */
final class FormSubmissions {

  /** The value types a form field submits; {@code Object} (any Java class), bytes, files and XML are not among them. */
  static final Set<String> VALUE_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double", "date", "json",
      "null");

  static final RouteRule TASK_FORM = RouteRule.described("only the fields of the task's form",
      request -> check(request, taskForm(request), false));

  static final RouteRule START_FORM = RouteRule.described("only the fields of the start form; no business key",
      request -> check(request, startForm(request), true));

  /** A task's form values ({@code form-variables}): the answer holds only what the task's form reads. */
  static final RouteRule TASK_FORM_VALUES = RouteRule.described("only the values the task's form reads",
      request -> answerOnlyWhatItReads(request, taskForm(request)));

  /** A start form's values: only what the start form reads. */
  static final RouteRule START_FORM_VALUES = RouteRule.described("only the values the start form reads",
      request -> answerOnlyWhatItReads(request, startForm(request)));

  private FormSubmissions() {}

  private static Refusal answerOnlyWhatItReads(BoundaryRequest request, FormFields form) {
    request.answerOnly(form == null ? Set.of() : form.readNames());
    return null;
  }

  /**
   * A form route's JSON answer (an object of variables by name) with only the given variables, or null when it holds
   * no other (or is no JSON object).
   */
  static byte[] onlyVariables(byte[] body, String contentType, Set<String> names) {
    if (body.length == 0 || contentType == null || !contentType.contains("json")) {
      return null;
    }
    try {
      JsonNode answer = BoundaryRequest.JSON.readTree(body);
      if (!(answer instanceof ObjectNode variables)) {
        return null;
      }
      boolean removed = variables.properties().removeIf(entry -> !names.contains(entry.getKey()));
      return removed ? BoundaryRequest.JSON.writeValueAsBytes(variables) : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  /** The form a submission route submits (a task's or a start form), for the labels of its errors; null for other routes. */
  static FormFields formOf(BoundaryRequest request) {
    if (request.route().rules().contains(TASK_FORM)) {
      return taskForm(request);
    }
    if (request.route().rules().contains(START_FORM)) {
      return startForm(request);
    }
    return null;
  }

  private static FormFields taskForm(BoundaryRequest request) {
    ProcessEngine engine = request.engine();
    Task task = engine.getTaskService().createTaskQuery().taskId(request.variable("id")).singleResult();
    if (task == null) {
      return null;
    }
    return read(() -> engine.getFormService().getDeployedTaskForm(task.getId()));
  }

  private static FormFields startForm(BoundaryRequest request) {
    ProcessEngine engine = request.engine();
    String key = request.variable("key");
    ProcessDefinition definition = key != null
        ? engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
            .withoutTenantId().singleResult()
        : engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(request.variable("id"))
            .singleResult();
    if (definition == null) {
      return null;
    }
    return read(() -> engine.getFormService().getDeployedStartForm(definition.getId()));
  }

  private interface FormSource {
    InputStream open();
  }

  /** The deployed form, or an empty one for a step without a Camunda Form (which then takes no values). */
  private static FormFields read(FormSource source) {
    try (InputStream in = source.open()) {
      return FormFields.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (ProcessEngineException noCamundaForm) {
      return FormFields.parse("{\"id\":\"no form\",\"components\":[]}");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Refusal check(BoundaryRequest request, FormFields form, boolean start) {
    if (form == null) {
      return new Refusal(404, "NotFound", ErrorText.of(start ? "error.form.noSuchProcess" : "error.form.noSuchTask"), List.of());
    }
    JsonNode body;
    try {
      body = request.json();
    } catch (BoundaryRequest.UnreadableBody e) {
      return e.refusal();
    }
    if (body == null) {
      return null;
    }
    if (!body.isObject()) {
      return Refusal.badRequest(ErrorText.of("error.form.notAnObject"));
    }
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      boolean known = name.equals("variables") || (start ? name.equals("businessKey") : name.equals("withVariablesInReturn"));
      if (!known) {
        problems.add(new Refusal.FieldProblem(name, name, ErrorText.of("error.form.notPartOfASubmission")));
      }
    }
    JsonNode businessKey = body.get("businessKey");
    if (start && businessKey != null && !businessKey.isNull() && !businessKey.asText("").isBlank()) {
      problems.add(new Refusal.FieldProblem("businessKey", request.language().text("staff.column.caseNumber"),
          ErrorText.of("error.form.businessKey")));
    }
    JsonNode variables = body.get("variables");
    boolean dropped = false;
    if (variables != null && !variables.isNull()) {
      if (!variables.isObject()) {
        return Refusal.badRequest(ErrorText.of("error.form.variablesNotAnObject"));
      }
      for (Iterator<Map.Entry<String, JsonNode>> entries = variables.fields(); entries.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = entries.next();
        String name = entry.getKey();
        if (form.onlyShows(name)) {
          entries.remove();
          dropped = true;
          continue;
        }
        FormFields.Field field = form.writable(name);
        if (field == null) {
          problems.add(new Refusal.FieldProblem(name, form.label(name), ErrorText.of("error.form.notAField")));
          continue;
        }
        problems.addAll(checkValue(form, field, entry.getValue()));
      }
    }
    if (!problems.isEmpty()) {
      return Refusal.fields(problems, "error.form.fieldsCannotBeSubmitted");
    }
    if (dropped) {
      request.replaceBody((ObjectNode) body);
    }
    if (!start) {
      // withVariablesInReturn: the engine answers with every variable of the task's process once the task is done
      // (what the completion computed too); the person gets back only what the form reads, as Tasklist uses it.
      request.answerOnly(form.readNames());
    }
    return null;
  }

  private static List<Refusal.FieldProblem> checkValue(FormFields form, FormFields.Field field, JsonNode dto) {
    String name = field.name();
    String label = form.label(name);
    if (!dto.isObject()) {
      return List.of(new Refusal.FieldProblem(name, label, ErrorText.of("error.form.valueAndType")));
    }
    JsonNode type = dto.get("type");
    String typeName = type == null || type.isNull() ? null : type.asText("").toLowerCase(Locale.ROOT);
    if (typeName != null && !VALUE_TYPES.contains(typeName)) {
      return List.of(new Refusal.FieldProblem(name, label, ErrorText.of("error.form.typeNotAccepted", type.asText())));
    }
    JsonNode info = dto.get("valueInfo");
    if (info != null && (info.has("objectTypeName") || info.has("serializationDataFormat"))) {
      return List.of(new Refusal.FieldProblem(name, label, ErrorText.of("error.form.serialisedObject")));
    }
    // A transient value lives only until the next wait state: what a form submits is the case's record, or it is lost.
    if (info != null && info.has("transient") && !(info.get("transient").isBoolean() && !info.get("transient").asBoolean())) {
      return List.of(new Refusal.FieldProblem(name, label, ErrorText.of("error.form.transient")));
    }
    JsonNode value = dto.get("value");
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (typeName == null && (value.isObject() || value.isArray())) {
      return List.of(new Refusal.FieldProblem(name, label, ErrorText.of("error.form.jsonType")));
    }
    JsonNode plain = value;
    if ("json".equals(typeName) && value.isTextual()) {
      try {
        plain = BoundaryRequest.JSON.readTree(value.asText());
      } catch (IOException e) {
        return List.of(new Refusal.FieldProblem(name, label, ErrorText.of("error.form.notJson")));
      }
    }
    if (!field.nested()) {
      ErrorText problem = kindProblem(form.type(name), plain);
      return problem == null ? List.of() : List.of(new Refusal.FieldProblem(name, label, problem));
    }
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    checkGroup(form, field, plain, problems);
    return problems;
  }

  /** The values of a group (or each item of a list): only its own fields, each of its kind; groups in it likewise. */
  private static void checkGroup(FormFields form, FormFields.Field field, JsonNode value, List<Refusal.FieldProblem> problems) {
    String name = field.name();
    String label = form.label(name);
    if (!(value.isObject() || value.isArray())) {
      problems.add(new Refusal.FieldProblem(name, label, ErrorText.of("error.form.groupFields")));
      return;
    }
    for (JsonNode item : value.isArray() ? value : List.of(value)) {
      if (!item.isObject()) {
        problems.add(new Refusal.FieldProblem(name, label, ErrorText.of("error.form.groupFields")));
        continue;
      }
      item.fields().forEachRemaining(child -> {
        String path = name + "." + child.getKey();
        FormFields.Field own = field.children().get(child.getKey());
        if (own == null) {
          problems.add(new Refusal.FieldProblem(path, label, ErrorText.of("error.form.notAGroupField", child.getKey())));
          return;
        }
        if (child.getValue().isNull()) {
          return;
        }
        if (own.nested()) {
          checkGroup(form, own, child.getValue(), problems);
          return;
        }
        ErrorText problem = kindProblem(form.type(path), child.getValue());
        if (problem != null) {
          problems.add(new Refusal.FieldProblem(path, form.label(path), problem));
        }
      });
    }
  }

  /** What is wrong with a value for a field of this form-js type, or null: text is text, a number a number, and so on. */
  static ErrorText kindProblem(String formType, JsonNode value) {
    if (formType == null || value == null || value.isNull()) {
      return null;
    }
    String key = switch (formType) {
      case "textfield", "textarea", "select", "radio", "datetime" -> value.isTextual() ? null : "error.notText";
      case "number" -> value.isNumber() || (value.isTextual() && value.asText().trim().matches("-?\\d+(\\.\\d+)?"))
          ? null : "error.form.notANumber";
      case "checkbox" -> value.isBoolean() ? null : "error.notTrueOrFalse";
      case "checklist", "taglist" -> value.isArray() && java.util.stream.StreamSupport.stream(value.spliterator(), false)
          .allMatch(JsonNode::isTextual) ? null : "error.form.notAListOfChoices";
      default -> null;
    };
    return key == null ? null : ErrorText.of(key);
  }
}
