package dev.fleetcheck.core.model;

import java.util.List;

/** The result of one rule on one repository. Evidence lists are sorted and immutable. */
public sealed interface Outcome {

  /** The note of an assisted check that found nothing evident (RULES-NEXT.md). */
  String NO_EVIDENT_VIOLATION = "no evident violation found";

  Status status();

  /** What the outcome rests on; empty when there is nothing to show. */
  List<Evidence> evidence();

  static Outcome pass(Evidence... evidence) {
    return new Pass(List.of(evidence));
  }

  static Outcome pass(List<Evidence> evidence) {
    return new Pass(evidence);
  }

  static Outcome fail(Evidence... evidence) {
    return new Fail(List.of(evidence));
  }

  static Outcome fail(List<Evidence> evidence) {
    return new Fail(evidence);
  }

  /** A person has to judge the rule; nothing was looked at. */
  static Outcome manual() {
    return new Manual("");
  }

  /** What an assisted check answers when its signal does not fire. */
  static Outcome noEvidentViolation() {
    return new Manual(NO_EVIDENT_VIOLATION);
  }

  /**
   * An assisted check's answer: FAIL with the findings when there are any, else MANUAL with {@link
   * #NO_EVIDENT_VIOLATION}.
   */
  static Outcome assisted(List<Evidence> findings) {
    return findings.isEmpty() ? noEvidentViolation() : fail(findings);
  }

  static Outcome notApplicable(String reason) {
    return new NotApplicable(reason);
  }

  static Outcome error(String reason) {
    return new Error(reason);
  }

  /** The rule holds. */
  record Pass(List<Evidence> evidence) implements Outcome {
    public Pass {
      evidence = sorted(evidence);
    }

    @Override
    public Status status() {
      return Status.PASS;
    }
  }

  /** The rule does not hold; at least one piece of evidence says where and why. */
  record Fail(List<Evidence> evidence) implements Outcome {
    public Fail {
      evidence = sorted(evidence);
      if (evidence.isEmpty()) {
        throw new IllegalArgumentException("a FAIL needs evidence");
      }
    }

    @Override
    public Status status() {
      return Status.FAIL;
    }
  }

  /** The rule failed but a valid, unexpired decision record excepts it. */
  record Waived(Waiver waiver, List<Evidence> evidence) implements Outcome {
    public Waived {
      evidence = sorted(evidence);
    }

    @Override
    public Status status() {
      return Status.WAIVED;
    }
  }

  /** The repository's profiles, or the absence of anything to check, make the rule moot. */
  record NotApplicable(String reason) implements Outcome {
    @Override
    public Status status() {
      return Status.NOT_APPLICABLE;
    }

    @Override
    public List<Evidence> evidence() {
      return List.of(Evidence.repository(reason));
    }
  }

  /**
   * A person has to judge the rule; listed so reports cover the whole standard. The note, empty for
   * a manual rule, says what an assisted check looked at without finding an evident violation.
   */
  record Manual(String note) implements Outcome {
    public Manual {
      java.util.Objects.requireNonNull(note, "note");
    }

    public Manual() {
      this("");
    }

    @Override
    public Status status() {
      return Status.MANUAL;
    }

    @Override
    public List<Evidence> evidence() {
      return note.isEmpty() ? List.of() : List.of(Evidence.repository(note));
    }
  }

  /** The check itself could not run. */
  record Error(String reason) implements Outcome {
    @Override
    public Status status() {
      return Status.ERROR;
    }

    @Override
    public List<Evidence> evidence() {
      return List.of(Evidence.repository(reason));
    }
  }

  private static List<Evidence> sorted(List<Evidence> evidence) {
    return evidence.stream().sorted().distinct().toList();
  }
}
