package org.vomcase.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A client of the running application, as a browser or a REST caller would be: one cookie jar (so
 * one webapp session) per instance, Basic credentials for {@code /engine-rest}, CSRF for the webapps.
 */
public final class Http {

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private String basicAuth;

  public Http(int port) {
    this.base = "http://localhost:" + port;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** A client that sends these Basic credentials with every request. */
  public Http as(String user, String password) {
    basicAuth =
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  /** A download: the body as bytes. */
  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A POST without body, with extra headers (name, value, ...). */
  public HttpResponse<String> post(String path, String... headers) {
    HttpRequest.Builder builder = request(path).POST(HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder);
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A JSON POST with one extra header (e.g. the case file's X-VOM-Request). */
  public HttpResponse<String> postJsonWithHeader(String path, String json, String header, String value) {
    return send(request(path).header("Content-Type", "application/json").header(header, value)
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A JSON POST asking for the given representation (Tasklist asks for application/hal+json). */
  public HttpResponse<String> postJson(String path, String json, String accept) {
    return send(request(path).header("Content-Type", "application/json").header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Any method with an optional JSON body (PUT, DELETE, ...). */
  public HttpResponse<String> send(String method, String path, String json) {
    HttpRequest.BodyPublisher body =
        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
    return send(request(path).header("Content-Type", "application/json").method(method, body));
  }

  /**
   * Any method on a raw path (sent exactly as given: path parameters, encodings and all), with a JSON body
   * for methods that carry one, and the webapps' CSRF header when this client has a webapp session.
   */
  public HttpResponse<String> exchange(String method, String rawPath, String json) {
    boolean withBody = !method.equals("GET") && !method.equals("DELETE") && !method.equals("OPTIONS") && !method.equals("HEAD");
    HttpRequest.BodyPublisher body = withBody ? HttpRequest.BodyPublishers.ofString(json == null ? "{}" : json)
        : HttpRequest.BodyPublishers.noBody();
    HttpRequest.Builder builder = request(rawPath).method(method, body);
    if (withBody) {
      builder.header("Content-Type", "application/json");
    }
    cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
        .reduce((first, second) -> second).ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
    return send(builder);
  }

  public HttpResponse<String> postForm(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A multipart/form-data POST with named files, as Camunda Modeler deploys. */
  public HttpResponse<String> postMultipart(String path, Map<String, String> fields, Map<String, byte[]> files) {
    return postMultipart(path, fields, files, new String[0]);
  }

  /** A multipart/form-data POST with named files and extra headers (name, value, ...), e.g. the X-VOM-Request of /vom. */
  public HttpResponse<String> postMultipart(String path, Map<String, String> fields, Map<String, byte[]> files,
      String... headers) {
    String boundary = "----vom" + System.nanoTime();
    var out = new java.io.ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            out.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    files.forEach(
        (fileName, bytes) -> {
          out.writeBytes(
              ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName + "\"; filename=\""
                      + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                  .getBytes(StandardCharsets.UTF_8));
          out.writeBytes(bytes);
          out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder builder = request(path)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder);
  }

  /**
   * A multipart/form-data POST of one file as a browser's form sends it: text fields, the file under {@code field} with
   * the given file name and Content-Type, and extra headers (name, value, ...), e.g. the X-VOM-Request of /vom.
   */
  public HttpResponse<String> postFile(String path, Map<String, String> fields, String field, String fileName,
      String contentType, byte[] bytes, String... headers) {
    String boundary = "----vom" + System.nanoTime();
    var out = new java.io.ByteArrayOutputStream();
    fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(bytes);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder builder = request(path)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder);
  }

  /**
   * Logs in to a webapp (tasklist, cockpit, admin) as the browser does: fetch the app page for the
   * session and CSRF cookies, then post the credentials with the CSRF header.
   */
  public HttpResponse<String> loginToWebapp(String app, String user, String password) {
    get("/camunda/app/" + app + "/default/");
    return send(
        request("/camunda/api/admin/auth/user/default/login/" + app)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", csrfToken())
            .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password))));
  }

  /** A webapp API call with the session's CSRF token (needed for anything but GET). */
  public HttpResponse<String> postJsonWithCsrf(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .header("X-XSRF-TOKEN", csrfToken())
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .reduce((first, second) -> second)
        .orElseThrow(() -> new IllegalStateException("No XSRF-TOKEN cookie: fetch an app page first"));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (basicAuth != null) {
      builder.header("Authorization", basicAuth);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) {
    try {
      return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
