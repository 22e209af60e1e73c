package io.sluice.master.management;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** What {@code sluice workers set} changes; a null field is left as it is. */
public record WorkerChanges(String displayName, String description, List<String> tags) {

  @JsonIgnore // not a field of the PATCH body
  public boolean isEmpty() {
    return displayName == null && description == null && tags == null;
  }
}
