package org.vomcase.casefile;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The limits of multipart bodies ({@code /vom}'s uploads), from the largest document ({@code vom.documents.max-size}):
 * the server reads a file up to {@value #HEADROOM_BYTES} bytes beyond it, so that a document a little too large is
 * refused by {@link DocumentUploads} with the field and the limit (400), and stops reading anything larger (413, in the
 * error contract with the field as well). Replaces Spring Boot's {@code spring.servlet.multipart.max-*} settings.
 */
@Configuration
public class UploadLimits {

  static final long HEADROOM_BYTES = 1024 * 1024;

  @Bean
  public MultipartConfigElement multipartConfigElement(DocumentUploads uploads) {
    MultipartConfigFactory factory = new MultipartConfigFactory();
    factory.setMaxFileSize(DataSize.ofBytes(uploads.maxBytes() + HEADROOM_BYTES));
    factory.setMaxRequestSize(DataSize.ofBytes(uploads.maxBytes() + 2 * HEADROOM_BYTES));
    return factory.createMultipartConfig();
  }
}
