package org.vomcase.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads every row of every table of a database (H2 or PostgreSQL), to prove where a value is, and is not, kept. */
public final class DatabaseScan {

  private static final Set<Integer> BINARY = Set.of(Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY);
  private static final Set<Integer> TEXT = Set.of(Types.VARCHAR, Types.CLOB, Types.LONGVARCHAR, Types.NVARCHAR, Types.CHAR);

  private DatabaseScan() {}

  /** The tables and columns ({@code TABLE.COLUMN}) with a text or binary value containing the value. */
  public static List<String> tablesContaining(Connection connection, String value) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String schema = rs.getString("TABLE_SCHEM");
        if (schema != null && (schema.equalsIgnoreCase("INFORMATION_SCHEMA") || schema.equalsIgnoreCase("pg_catalog"))) {
          continue;
        }
        tables.add((schema == null ? "" : schema + ".") + rs.getString("TABLE_NAME"));
      }
    }
    List<String> found = new ArrayList<>();
    for (String table : tables) {
      try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
        ResultSetMetaData meta = rows.getMetaData();
        while (rows.next()) {
          for (int c = 1; c <= meta.getColumnCount(); c++) {
            int type = meta.getColumnType(c);
            String text = BINARY.contains(type) ? bytesAsText(rows.getBytes(c)) : TEXT.contains(type) ? rows.getString(c) : null;
            if (text != null && text.contains(value)) {
              found.add(table + "." + meta.getColumnName(c));
            }
          }
        }
      }
    }
    return found;
  }

  private static String bytesAsText(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
