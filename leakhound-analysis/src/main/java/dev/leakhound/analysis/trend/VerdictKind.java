package dev.leakhound.analysis.trend;

import com.fasterxml.jackson.annotation.JsonValue;

/** The four answers of the verdict engine, with their JSON names. Immutable. */
public enum VerdictKind {
  /** The floor grows, significantly, by more than the practical minimum, and keeps growing. */
  LEAK("leak"),
  /** Growth is likely but not yet conclusive, or could still be a warm-up or load. */
  SUSPECT("suspect"),
  /** No growth worth reporting. */
  NO_LEAK("no-leak"),
  /** Too few points after restarts and warm-up to judge. */
  INSUFFICIENT_DATA("insufficient-data");

  private final String id;

  VerdictKind(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }
}
