package org.vomcase.identity;

import org.camunda.bpm.engine.ProcessEngine;

/** Creates the first users of a fresh installation (demo users, or the production administrator). */
public interface UserBootstrap {

  void bootstrap(ProcessEngine engine);
}
