package org.vomcase.support;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF, as a reader would copy it: proves the file opens and says what it should. */
public final class PdfText {

  private PdfText() {}

  public static String of(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
    } catch (IOException e) {
      throw new AssertionError("Not a readable PDF: " + e.getMessage(), e);
    }
  }
}
