package org.vomcase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Victim-offender mediation case management on Camunda 7 (Tasklist, Cockpit, Admin and REST). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VomCaseApplication {

  public static void main(String[] args) {
    SpringApplication.run(VomCaseApplication.class, args);
  }
}
