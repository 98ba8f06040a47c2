package org.vomcase.desk;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The case list (README "The mediator's desk"): one query on the case register ({@code vom_case}, its desk columns
 * kept by {@link CaseDeskIndex}), never the engine: a mediator's own cases (through {@code vom_case_mediator}) or all,
 * searched by case number, a person's name or the referrer's reference, filtered by phase, sorted by the next date,
 * a page at a time; and the mediators of the page's cases in one more query.
 */
@Service
public class CaseList {

  /** The orders of the list: the next date (undated last), the case number (newest first), the registration. */
  public static final List<String> SORTS = List.of("next", "number", "registered");

  /** A page of the list and how many cases match in all. */
  public record Page(int total, int first, int max, List<Map<String, Object>> cases) {}

  private final JdbcTemplate jdbc;

  public CaseList(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The page. {@code mediator}: only that mediator's cases (null: all); {@code q}: part of the case number, a name or
   * the reference (null: any); {@code phase}: one of {@link CaseProgress#PHASES} (null: any but deleted).
   */
  public Page page(String mediator, String q, String phase, String sort, int first, int max) {
    StringBuilder where = new StringBuilder(" FROM vom_case c WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (mediator != null) {
      where.append(" AND EXISTS (SELECT 1 FROM vom_case_mediator m WHERE m.case_number = c.case_number AND m.user_id = ?)");
      args.add(mediator);
    }
    if (phase != null) {
      where.append(" AND c.phase = ?");
      args.add(phase);
    } else {
      where.append(" AND c.deleted_at IS NULL");
    }
    if (q != null) {
      String like = "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      where.append(" AND (LOWER(c.case_number) LIKE ? ESCAPE '\\' OR LOWER(c.persons) LIKE ? ESCAPE '\\'"
          + " OR LOWER(c.referrer_reference) LIKE ? ESCAPE '\\')");
      args.add(like);
      args.add(like);
      args.add(like);
    }
    Integer total = jdbc.queryForObject("SELECT COUNT(*)" + where, Integer.class, args.toArray());
    String order = switch (sort) {
      case "number" -> " ORDER BY c.case_number DESC";
      case "registered" -> " ORDER BY c.registered_at DESC, c.case_number DESC";
      default -> " ORDER BY c.next_date ASC NULLS LAST, c.case_number ASC";
    };
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(first);
    pageArgs.add(max);
    List<Map<String, Object>> cases = jdbc.query("SELECT c.case_number, c.phase, c.next_date, c.next_what, c.persons,"
        + " c.referrer_reference, c.registered_at" + where + order + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", (row, n) -> {
          Map<String, Object> view = new LinkedHashMap<>();
          view.put("caseNumber", row.getString(1));
          view.put("phase", row.getString(2));
          view.put("phaseLabel", row.getString(2) == null ? null : CaseProgress.PHASES.get(row.getString(2)));
          Timestamp next = row.getTimestamp(3);
          view.put("nextDate", next == null ? null : next.toInstant().toString());
          view.put("nextWhat", row.getString(4));
          String persons = row.getString(5);
          view.put("persons", persons == null || persons.isEmpty() ? List.of() : List.of(persons.split("\n")));
          view.put("referrerReference", row.getString(6));
          Timestamp registered = row.getTimestamp(7);
          view.put("registeredAt", registered == null ? null : registered.toInstant().toString());
          return view;
        }, pageArgs.toArray());
    if (!cases.isEmpty()) {
      Map<String, List<String>> mediators = new HashMap<>();
      String marks = String.join(",", java.util.Collections.nCopies(cases.size(), "?"));
      jdbc.query("SELECT case_number, user_id FROM vom_case_mediator WHERE case_number IN (" + marks + ")"
          + " ORDER BY case_number, is_lead DESC, user_id", (org.springframework.jdbc.core.RowCallbackHandler) row ->
          mediators.computeIfAbsent(row.getString(1), k -> new ArrayList<>()).add(row.getString(2)),
          cases.stream().map(c -> c.get("caseNumber")).toArray());
      cases.forEach(c -> c.put("mediators", mediators.getOrDefault((String) c.get("caseNumber"), List.of())));
    }
    return new Page(total == null ? 0 : total, first, max, cases);
  }
}
