package dev.fleetcheck.core.python;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The extent of the compound statements that checks judge by their body: {@code def}, {@code class}
 * and {@code except} clauses, each with the lines and token range its body spans. Built from the
 * token stream, so a body may hold multi-line calls, strings and comments of any shape.
 */
public final class Blocks {

  /** The kinds of block kept. */
  public enum Kind {
    DEF,
    CLASS,
    EXCEPT
  }

  /**
   * One block. {@code name} is the def or class name, or for an except clause the text between
   * {@code except} and the colon ({@code (KeyError, ValueError) as e}); {@code header} the source
   * text of the header up to the colon; {@code firstToken}/{@code lastToken} bound the body.
   */
  public record Block(
      Kind kind,
      String name,
      String header,
      int line,
      int lastLine,
      int firstToken,
      int lastToken,
      int depth) {

    /** Whether {@code line} lies within the block, header included. */
    public boolean spans(int other) {
      return other >= line && other <= lastLine;
    }
  }

  private final Tokens tokens;
  private final List<Block> blocks;

  private Blocks(Tokens tokens, List<Block> blocks) {
    this.tokens = tokens;
    this.blocks = List.copyOf(blocks);
  }

  public Tokens tokens() {
    return tokens;
  }

  public List<Block> all() {
    return blocks;
  }

  public List<Block> of(Kind kind) {
    return blocks.stream().filter(b -> b.kind() == kind).toList();
  }

  /** The innermost def enclosing {@code line}, if any. */
  public Optional<Block> enclosingDef(int line) {
    Block best = null;
    for (Block block : blocks) {
      if (block.kind() == Kind.DEF
          && block.spans(line)
          && (best == null || block.depth() > best.depth())) {
        best = block;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The body's source text (the header excluded). */
  public String bodyText(Block block) {
    if (block.firstToken() > block.lastToken()) {
      return "";
    }
    return tokens
        .source()
        .substring(tokens.start(block.firstToken()), tokens.end(block.lastToken()));
  }

  public static Blocks of(Tokens t) {
    List<Block> done = new ArrayList<>();
    Deque<Open> open = new ArrayDeque<>();
    int n = t.size();
    int indent = 0;
    int lastCode = -1;
    boolean statementStart = true;
    for (int i = 0; i < n; i++) {
      TokenKind kind = t.kind(i);
      switch (kind) {
        case NEWLINE -> {
          statementStart = true;
          closeSingleLine(t, open, done, indent, lastCode);
        }
        case INDENT -> {
          indent++;
          statementStart = true;
        }
        case DEDENT -> {
          indent--;
          statementStart = true;
          while (!open.isEmpty() && open.peek().bodyIndent > indent) {
            done.add(open.pop().close(t, lastCode));
          }
        }
        case NL, COMMENT, ENDMARKER -> {}
        default -> {
          if (statementStart && kind == TokenKind.NAME) {
            int head = t.is(i, "async") ? i + 1 : i;
            Kind blockKind = blockKind(t, head);
            if (blockKind != null) {
              int colon = headerColon(t, head);
              if (colon > 0) {
                open.push(new Open(blockKind, t, i, head, colon, indent, open.size()));
              }
            }
          }
          statementStart = t.isOp(i, ';') && t.depth(i) == 0;
          lastCode = i;
        }
      }
    }
    while (!open.isEmpty()) {
      done.add(open.pop().close(t, lastCode));
    }
    done.sort((a, b) -> Integer.compare(a.firstToken(), b.firstToken()));
    return new Blocks(t, done);
  }

  /** A block whose body sat on its header line ends with that line. */
  private static void closeSingleLine(
      Tokens t, Deque<Open> open, List<Block> done, int indent, int lastCode) {
    while (!open.isEmpty() && open.peek().singleLine && open.peek().bodyIndent > indent) {
      done.add(open.pop().close(t, lastCode));
    }
  }

  private static Kind blockKind(Tokens t, int i) {
    if (t.is(i, "def")) {
      return Kind.DEF;
    }
    if (t.is(i, "class")) {
      return Kind.CLASS;
    }
    if (t.is(i, "except")) {
      return Kind.EXCEPT;
    }
    return null;
  }

  /** The colon that ends the header starting at {@code i}; -1 when the line has none. */
  private static int headerColon(Tokens t, int i) {
    for (int j = i + 1; j < t.size(); j++) {
      if (t.isKind(j, TokenKind.NEWLINE) || t.isKind(j, TokenKind.ENDMARKER)) {
        return -1;
      }
      if (t.isOp(j, ':') && t.depth(j) == 0 && !isLambdaColon(t, i, j)) {
        return j;
      }
    }
    return -1;
  }

  /** A top-level {@code lambda x: ...} before the header's own colon (rare, never in def). */
  private static boolean isLambdaColon(Tokens t, int from, int colon) {
    for (int j = colon - 1; j > from; j--) {
      if (t.is(j, "lambda") && t.depth(j) == 0) {
        return true;
      }
    }
    return false;
  }

  private static final class Open {
    final Kind kind;
    final String name;
    final String header;
    final int line;
    final int firstToken;
    final int bodyIndent;
    final boolean singleLine;
    final int depth;

    Open(Kind kind, Tokens t, int start, int head, int colon, int indent, int depth) {
      this.kind = kind;
      this.line = t.line(start);
      this.header = t.source().substring(t.start(start), t.end(colon));
      if (kind == Kind.EXCEPT) {
        this.name =
            colon > head + 1
                ? t.source().substring(t.start(head + 1), t.end(colon - 1)).trim()
                : "";
      } else {
        this.name = t.isName(head + 1) ? t.text(head + 1) : "";
      }
      int body = t.skipTrivia(colon + 1);
      this.singleLine = !t.isKind(body, TokenKind.NEWLINE);
      this.firstToken = singleLine ? body : t.skipTrivia(body + 1);
      this.bodyIndent = indent + 1;
      this.depth = depth;
    }

    Block close(Tokens t, int lastCode) {
      int last = Math.max(lastCode, firstToken - 1);
      int skip = firstToken;
      while (skip <= last && (t.isKind(skip, TokenKind.INDENT) || t.isTrivia(skip))) {
        skip++;
      }
      return new Block(kind, name, header, line, t.line(Math.max(last, 0)), skip, last, depth);
    }
  }
}
