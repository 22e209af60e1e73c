package io.sluice.http;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which response statuses are success: {@code 200-299} unless the task lists its own (numbers and
 * ranges, e.g. {@code [200, 404]} when "not found" is an answer the package handles).
 */
record StatusCodes(List<int[]> ranges) {

  static final StatusCodes DEFAULT = new StatusCodes(List.<int[]>of(new int[] {200, 299}));

  /** The list as written, or a problem naming the item that is not a status or a range. */
  static StatusCodes parse(List<Object> items) {
    if (items.isEmpty()) {
      return DEFAULT;
    }
    List<int[]> ranges = new ArrayList<>();
    for (Object item : items) {
      String text = String.valueOf(item).trim();
      String[] ends = text.split("\\s*-\\s*", -1);
      try {
        int low = Integer.parseInt(ends[0]);
        int high = ends.length == 2 ? Integer.parseInt(ends[1]) : low;
        if (ends.length > 2 || low < 100 || high > 599 || low > high) {
          throw new NumberFormatException();
        }
        ranges.add(new int[] {low, high});
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "successStatusCodes: '"
                + text
                + "' is not an HTTP status (100-599) or a range of them such as 200-299");
      }
    }
    return new StatusCodes(List.copyOf(ranges));
  }

  boolean isSuccess(int status) {
    return ranges.stream().anyMatch(r -> status >= r[0] && status <= r[1]);
  }

  @Override
  public String toString() {
    return ranges.stream()
        .map(r -> r[0] == r[1] ? String.valueOf(r[0]) : r[0] + "-" + r[1])
        .collect(Collectors.joining(", "));
  }
}
