package dev.fleetcheck.core.snapshot;

import dev.fleetcheck.core.model.Evidence;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The notes a snapshot collects while indexing. A hostile tree can produce one problem per file, so
 * each kind lists its first few occurrences and then one line counting the rest: the report stays
 * readable and every skipped file is still accounted for.
 */
final class NoteLog {

  static final int SHOWN_PER_KIND = 20;

  /** Kinds of per-path notes, with the phrase used when counting the ones not listed. */
  enum Kind {
    SYMLINK_OUTSIDE("symbolic links pointing outside the repository"),
    SYMLINK_UNRESOLVED("symbolic links that loop or dangle"),
    SYMLINK_NOT_INDEXED("symbolic links to folders or to files that are not indexed"),
    NOT_REGULAR("special files (FIFO, socket, device)"),
    UNREADABLE("unreadable paths"),
    MISSING("tracked files missing from the working tree"),
    BAD_NAME("file names that are not valid UTF-8"),
    UNSAFE_PATH("unsafe paths in the git index"),
    PATH_TOO_LONG("paths over the length limit"),
    TOO_DEEP("paths nested over the depth limit"),
    TOO_LARGE("files over the content size limit"),
    OVER_BUDGET("files past the content budget"),
    SUBMODULE("submodules");

    private final String plural;

    Kind(String plural) {
      this.plural = plural;
    }
  }

  private final List<Evidence> repositoryNotes = new ArrayList<>();
  private final Map<Kind, List<Evidence>> shown = new EnumMap<>(Kind.class);
  private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);

  void repository(String message) {
    repositoryNotes.add(Evidence.repository(message));
  }

  void file(Kind kind, String path, String message) {
    int count = counts.merge(kind, 1, Integer::sum);
    if (count <= SHOWN_PER_KIND) {
      shown
          .computeIfAbsent(kind, k -> new ArrayList<>())
          .add(Evidence.file(printable(path), message));
    }
  }

  int count(Kind kind) {
    return counts.getOrDefault(kind, 0);
  }

  List<Evidence> notes() {
    List<Evidence> notes = new ArrayList<>(repositoryNotes);
    for (Kind kind : Kind.values()) {
      notes.addAll(shown.getOrDefault(kind, List.of()));
      int hidden = count(kind) - SHOWN_PER_KIND;
      if (hidden > 0) {
        notes.add(
            Evidence.repository(
                hidden + " more " + kind.plural + " skipped or limited; not listed one by one"));
      }
    }
    return notes;
  }

  /** A path as it may appear in a one-line note: control characters become '?'. */
  static String printable(String path) {
    StringBuilder out = null;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (Character.isISOControl(c)) {
        if (out == null) {
          out = new StringBuilder(path.substring(0, i));
        }
        out.append('?');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? path : out.toString();
  }
}
