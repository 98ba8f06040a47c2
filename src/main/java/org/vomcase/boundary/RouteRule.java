package org.vomcase.boundary;

/**
 * A check a route makes beyond the caller's role: on the path's variables, the query or the body (for
 * example: a task form may set only its own fields). Returns the refusal, or null to let the request on;
 * a rule may replace the body the engine sees ({@link BoundaryRequest#replaceBody}).
 */
@FunctionalInterface
public interface RouteRule {

  Refusal check(BoundaryRequest request);

  /** What the rule demands, in a few words for the README's route table. */
  default String describe() {
    return "";
  }

  /** A rule that reads the request's JSON body (null when empty); a body that is no JSON is refused before it. */
  static RouteRule onJson(String description, java.util.function.BiFunction<BoundaryRequest,
      com.fasterxml.jackson.databind.JsonNode, Refusal> rule) {
    return described(description, request -> {
      try {
        return rule.apply(request, request.json());
      } catch (BoundaryRequest.UnreadableBody e) {
        return e.refusal();
      }
    });
  }

  static RouteRule described(String description, RouteRule rule) {
    return new RouteRule() {
      @Override
      public Refusal check(BoundaryRequest request) {
        return rule.check(request);
      }

      @Override
      public String describe() {
        return description;
      }
    };
  }
}
