package org.vomcase.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;

/** Creating users with their group memberships. */
final class Users {

  private Users() {}

  /** Creates the user unless it exists (an existing user's password is never reset), and adds the memberships. */
  static boolean ensure(
      IdentityService identity,
      String id,
      String firstName,
      String lastName,
      String email,
      String password,
      List<String> groups) {
    boolean created = false;
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email);
      user.setPassword(password);
      identity.saveUser(user);
      created = true;
    }
    for (String group : groups) {
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    }
    return created;
  }

  /** The password policy's rules the password breaks, in words; empty when it complies. */
  static String policyViolations(IdentityService identity, String password, User user) {
    PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(password, user);
    if (result.isValid()) {
      return "";
    }
    StringBuilder violations = new StringBuilder();
    result
        .getViolatedRules()
        .forEach(
            rule -> violations.append(violations.isEmpty() ? "" : ", ").append(describe(rule.getPlaceholder(), rule.getParameters())));
    return violations.toString();
  }

  private static String describe(String placeholder, java.util.Map<String, String> parameters) {
    String minimum = parameters == null ? null : parameters.get("minLength");
    if (minimum == null && parameters != null) {
      minimum = parameters.values().stream().findFirst().orElse(null);
    }
    return switch (placeholder) {
      case "PASSWORD_POLICY_LENGTH" -> "at least " + minimum + " characters";
      case "PASSWORD_POLICY_LOWERCASE" -> "at least " + minimum + " lower-case letter(s)";
      case "PASSWORD_POLICY_UPPERCASE" -> "at least " + minimum + " upper-case letter(s)";
      case "PASSWORD_POLICY_DIGIT" -> "at least " + minimum + " digit(s)";
      case "PASSWORD_POLICY_SPECIAL" -> "at least " + minimum + " special character(s)";
      case "PASSWORD_POLICY_USER_DATA" -> "must not contain the user id, name or email";
      default -> placeholder;
    };
  }
}
