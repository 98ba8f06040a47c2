package org.vomcase.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.vomcase.kernel.ErrorText;
import org.vomcase.settings.StaffLanguage;

/**
 * A request as the boundary's rules see it: the route it resolved to, its variables, the caller, and the
 * body, read once (up to {@value #MAX_BODY_BYTES} bytes) and handed on unchanged or as a rule replaced it.
 */
public final class BoundaryRequest {

  public static final int MAX_BODY_BYTES = 1_048_576;

  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The body could not be read as what the route takes. */
  public static final class UnreadableBody extends Exception {
    private final transient Refusal refusal;

    UnreadableBody(Refusal refusal) {
      super(refusal.message());
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  private final HttpServletRequest request;
  private final String method;
  private final Route route;
  private final Map<String, String> variables;
  private final Caller caller;
  private final ProcessEngine engine;
  private final StaffLanguage language;
  private byte[] body;
  private boolean bodyRead;
  private java.util.Set<String> answerOnly;

  BoundaryRequest(HttpServletRequest request, String method, Route route, Map<String, String> variables, Caller caller,
      ProcessEngine engine, StaffLanguage language) {
    this.request = request;
    this.language = language;
    this.method = method;
    this.route = route;
    this.variables = variables;
    this.caller = caller;
    this.engine = engine;
  }

  public String method() {
    return method;
  }

  public Route route() {
    return route;
  }

  public String variable(String name) {
    return variables.get(name);
  }

  public Caller caller() {
    return caller;
  }

  /** The language staff read: a rule's words (a label) in it; a refusal's sentences are written in it anyway. */
  public StaffLanguage language() {
    return language;
  }

  /**
   * The variables the route's answer may hold (a rule decides it before the route runs, while the task still exists):
   * every other top-level key of its JSON answer is removed. Null: the answer goes out as the route gave it.
   */
  java.util.Set<String> answerOnly() {
    return answerOnly;
  }

  void answerOnly(java.util.Set<String> names) {
    this.answerOnly = names;
  }

  public ProcessEngine engine() {
    return engine;
  }

  public Map<String, String[]> query() {
    return request.getParameterMap();
  }

  public String queryValue(String name) {
    return request.getParameter(name);
  }

  /** Whether the request carries a JSON body (the only kind the rules read). */
  public boolean hasJsonBody() {
    String type = request.getContentType();
    return type != null && type.toLowerCase(java.util.Locale.ROOT).contains("json");
  }

  /** The body as JSON (null when empty); a body that is no single JSON value is refused. */
  public JsonNode json() throws UnreadableBody {
    byte[] bytes = body();
    if (bytes.length == 0) {
      return null;
    }
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UnreadableBody(Refusal.badRequest(e instanceof JsonProcessingException p && p.getLocation() != null
          ? ErrorText.of("error.body.notJsonAt", p.getLocation().getLineNr(), p.getLocation().getColumnNr())
          : ErrorText.of("error.body.notJson")));
    }
  }

  byte[] body() throws UnreadableBody {
    if (!bodyRead) {
      try (InputStream in = request.getInputStream()) {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
          throw new UnreadableBody(new Refusal(413, "PayloadTooLarge", ErrorText.of("error.body.tooLarge", MAX_BODY_BYTES),
              java.util.List.of()));
        }
        body = bytes;
      } catch (IOException e) {
        throw new UnreadableBody(Refusal.badRequest(ErrorText.of("error.body.unreadable")));
      }
      bodyRead = true;
    }
    return body;
  }

  /** Hands the engine another body than the one sent (a rule dropped what the caller may not set). */
  public void replaceBody(JsonNode json) {
    try {
      body = JSON.writeValueAsBytes(json);
      bodyRead = true;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The request to hand on: the original, or one whose body is the one read (and maybe replaced) here. */
  HttpServletRequest forward() {
    if (!bodyRead) {
      return request;
    }
    byte[] bytes = body;
    return new HttpServletRequestWrapper(request) {
      @Override
      public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        return new ServletInputStream() {
          @Override
          public boolean isFinished() {
            return in.available() == 0;
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("synchronous reads only");
          }

          @Override
          public int read() {
            return in.read();
          }

          @Override
          public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, length);
          }
        };
      }

      @Override
      public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
      }

      @Override
      public int getContentLength() {
        return bytes.length;
      }

      @Override
      public long getContentLengthLong() {
        return bytes.length;
      }

      @Override
      public String getHeader(String name) {
        return "content-length".equalsIgnoreCase(name) ? String.valueOf(bytes.length) : super.getHeader(name);
      }
    };
  }
}
