package io.sluice.ssis.convert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An OLE DB, ADO.NET or ODBC connection string: {@code key=value} pairs separated by {@code ;},
 * keys compared without case. A value may be quoted with {@code "} or {@code '} (a doubled quote
 * inside stands for one) or, in ODBC, braced ({@code Driver={SQL Server}}).
 */
record ConnectionString(Map<String, String> values) {

  static ConnectionString parse(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    int i = 0;
    int n = text == null ? 0 : text.length();
    while (i < n) {
      int eq = text.indexOf('=', i);
      int semi = text.indexOf(';', i);
      if (eq < 0 || (semi >= 0 && semi < eq)) {
        i = semi < 0 ? n : semi + 1; // a fragment without '=': nothing to keep
        continue;
      }
      String key = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      int j = eq + 1;
      while (j < n && text.charAt(j) == ' ') {
        j++;
      }
      StringBuilder value = new StringBuilder();
      if (j < n && (text.charAt(j) == '"' || text.charAt(j) == '\'' || text.charAt(j) == '{')) {
        char open = text.charAt(j);
        char close = open == '{' ? '}' : open;
        j++;
        while (j < n) {
          char c = text.charAt(j);
          if (c == close) {
            if (j + 1 < n && text.charAt(j + 1) == close) {
              value.append(c);
              j += 2;
              continue;
            }
            j++;
            break;
          }
          value.append(c);
          j++;
        }
        int end = text.indexOf(';', j);
        i = end < 0 ? n : end + 1;
        if (open == '{') {
          value.insert(0, '{').append('}');
        }
      } else {
        int end = text.indexOf(';', j);
        value.append(text, j, end < 0 ? n : end);
        i = end < 0 ? n : end + 1;
      }
      if (!key.isEmpty()) {
        values.put(key, value.toString().trim());
      }
    }
    return new ConnectionString(values);
  }

  /** The first of {@code keys} that is present and not empty. */
  Optional<String> get(String... keys) {
    for (String key : keys) {
      String v = values.get(key.toLowerCase(Locale.ROOT));
      if (v != null && !v.isEmpty()) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  boolean has(String... keys) {
    return get(keys).isPresent();
  }

  /** Whether a key among {@code keys} holds true, yes or SSPI (any case). */
  boolean isTrue(String... keys) {
    return get(keys)
        .map(v -> List.of("true", "yes", "sspi").contains(v.toLowerCase(Locale.ROOT)))
        .orElse(false);
  }
}
