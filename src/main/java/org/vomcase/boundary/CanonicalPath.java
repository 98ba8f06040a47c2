package org.vomcase.boundary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one spelling of a request path that every rule of the boundary sees. A path that could be read in
 * two ways by two layers (the servlet container, JAX-RS, Spring MVC) is refused rather than guessed at,
 * the way Spring Security's {@code StrictHttpFirewall} does: path parameters ({@code ;x=1}, which JAX-RS
 * drops before routing), encoded slashes, backslashes, dots, percent signs and semicolons, double slashes,
 * dot segments and control characters. What remains is decoded once (JAX-RS and Spring MVC route on the
 * decoded path) and loses one trailing slash (JAX-RS treats {@code /task/} as {@code /task}).
 */
public final class CanonicalPath {

  private CanonicalPath() {}

  /** Why a path was refused, in words for the 400 answer. */
  public static final class Refused extends Exception {
    Refused(String reason) {
      super(reason);
    }
  }

  /** The decoded, canonical path of a raw request URI (without the query string). */
  public static String of(String rawPath) throws Refused {
    if (rawPath == null || !rawPath.startsWith("/")) {
      throw new Refused("the path must start with /");
    }
    if (rawPath.indexOf(';') >= 0) {
      throw new Refused("path parameters (;) are not accepted");
    }
    if (rawPath.indexOf('\\') >= 0) {
      throw new Refused("backslashes are not accepted in paths");
    }
    if (rawPath.contains("//")) {
      throw new Refused("empty path segments (//) are not accepted");
    }
    ByteArrayOutputStream decoded = new ByteArrayOutputStream(rawPath.length());
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new Refused("control, space and non-ASCII characters must be percent-encoded");
      }
      if (c != '%') {
        decoded.write(c);
        continue;
      }
      if (i + 2 >= rawPath.length() || Character.digit(rawPath.charAt(i + 1), 16) < 0
          || Character.digit(rawPath.charAt(i + 2), 16) < 0) {
        throw new Refused("a % must start a percent-encoded byte");
      }
      int b = Character.digit(rawPath.charAt(i + 1), 16) * 16 + Character.digit(rawPath.charAt(i + 2), 16);
      if (b < 0x20 || b == 0x7f || b == '/' || b == '\\' || b == '.' || b == '%' || b == ';') {
        throw new Refused("encoded control characters, slashes, backslashes, dots, percent signs and semicolons are not"
            + " accepted");
      }
      decoded.write(b);
      i += 2;
    }
    String path = decoded.toString(StandardCharsets.UTF_8);
    if (path.indexOf('\uFFFD') >= 0) {
      throw new Refused("the path is not valid UTF-8");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        throw new Refused("dot segments (. and ..) are not accepted");
      }
    }
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
