package org.vomcase.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The application's own settings ({@code vom.*}). Production values come from environment
 * variables, mapped in {@code application.yaml}.
 *
 * @param admin the administrator created at the first start of a production installation
 * @param demo the demo users of the demo profile
 */
@ConfigurationProperties(prefix = "vom")
public record VomProperties(Admin admin, Demo demo) {

  public VomProperties {
    admin = admin == null ? new Admin(null, null, null, null, null) : admin;
    demo = demo == null ? new Demo(null) : demo;
  }

  /** The first administrator ({@code VOM_ADMIN_USER}, {@code VOM_ADMIN_PASSWORD}, ...). */
  public record Admin(String userId, String password, String firstName, String lastName, String email) {}

  /** Demo users; {@code password} is the one password they all share. */
  public record Demo(String password) {}
}
