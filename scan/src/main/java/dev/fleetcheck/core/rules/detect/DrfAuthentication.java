package dev.fleetcheck.core.rules.detect;

import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Shared detector (RULES-NEXT family F11): Django REST framework's authentication class lists,
 * {@code DEFAULT_AUTHENTICATION_CLASSES} (a dict entry of {@code REST_FRAMEWORK} or a name) and a
 * view's {@code authentication_classes}, and which entries are session or token classes.
 */
public final class DrfAuthentication {

  private static final String DEFAULT = "DEFAULT_AUTHENTICATION_CLASSES";
  private static final Pattern TOKEN_CLASS =
      Pattern.compile("(Token|JWT|JSONWebToken|OAuth2)Authentication$");

  private DrfAuthentication() {}

  /** Each class list of the module, keyed by its name, with the line it is written on. */
  public static List<LiteralPair> classLists(PythonModule module) {
    return DrfSettings.values(module, DEFAULT, Set.of("authentication_classes", DEFAULT));
  }

  public static boolean isTokenClass(String dotted) {
    return TOKEN_CLASS.matcher(dotted).find();
  }

  public static boolean isSession(PyValue entry) {
    return className(entry).endsWith("SessionAuthentication");
  }

  public static boolean hasTokenClass(PyValue list) {
    return list instanceof PyValue.Seq seq
        && seq.items().stream().anyMatch(v -> isTokenClass(className(v)));
  }

  public static boolean hasSessionClass(PyValue list) {
    return list instanceof PyValue.Seq seq
        && seq.items().stream().anyMatch(DrfAuthentication::isSession);
  }

  private static String className(PyValue value) {
    if (value instanceof PyValue.Str s) {
      return s.value();
    }
    return value instanceof PyValue.Name n ? n.dotted() : "";
  }
}
