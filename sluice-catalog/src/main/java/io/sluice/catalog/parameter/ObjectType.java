package io.sluice.catalog.parameter;

import java.util.Arrays;

/** What a parameter belongs to, with SSIS's object_type codes. */
public enum ObjectType {
  PROJECT(20),
  PACKAGE(30);

  private final int code;

  ObjectType(int code) {
    this.code = code;
  }

  /** The SSIS object_type stored in {@code parameter.object_type}. */
  public int code() {
    return code;
  }

  public static ObjectType ofCode(int code) {
    return Arrays.stream(values())
        .filter(t -> t.code == code)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no parameter object_type " + code));
  }
}
