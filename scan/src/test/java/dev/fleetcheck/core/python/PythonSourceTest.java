package dev.fleetcheck.core.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PythonSourceTest {

  private static byte[] bytes(String ascii, byte[] tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ascii.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(tail);
    return out.toByteArray();
  }

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static byte[] concat(byte[] head, byte[] tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head);
    out.writeBytes(tail);
    return out.toByteArray();
  }

  private static final byte[] LATIN1_E_ACUTE = {(byte) 0xE9, '\n'};

  @Test
  void utf8IsTheDefault() {
    assertThat(PythonSource.decode("x = 'é'\n".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("x = 'é'\n");
  }

  @Test
  void aByteOrderMarkIsDroppedAndMeansUtf8() {
    byte[] withBom = bytes("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', '\n'});

    assertThat(PythonSource.decode(withBom)).isEqualTo("x\n");
  }

  @Test
  void aCodingDeclarationOnLineOneIsHonoured() {
    byte[] source = bytes("# -*- coding: latin-1 -*-\nx = '", LATIN1_E_ACUTE);

    assertThat(PythonSource.decode(source)).endsWith("x = 'é\n");
  }

  @Test
  void aCodingDeclarationOnLineTwoIsHonouredAfterAShebang() {
    byte[] source =
        bytes("#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\n", LATIN1_E_ACUTE);

    assertThat(PythonSource.decode(source)).endsWith("\né\n");
  }

  @Test
  void aDeclarationAfterCodeOnLineOneIsIgnored() {
    byte[] source = bytes("x = 1\n# coding: latin-1\n", LATIN1_E_ACUTE);

    assertThat(PythonSource.decode(source)).endsWith("\uFFFD\n");
  }

  @Test
  void anUnknownCodingFallsBackToUtf8WithReplacement() {
    byte[] source = bytes("# coding: no-such-codec\n", LATIN1_E_ACUTE);

    assertThat(PythonSource.decode(source)).isEqualTo("# coding: no-such-codec\n\uFFFD\n");
  }

  @Test
  void codingNamesAreNormalisedAsPythonDoes() {
    assertThat(PythonSource.charsetNamed("UTF_8")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(PythonSource.charsetNamed("utf-8-sig")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(PythonSource.charsetNamed("Latin_1")).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(PythonSource.charsetNamed("cp1252").name()).isEqualTo("windows-1252");
  }

  @Property
  void utf8WithOrWithoutAByteOrderMarkDecodesAsAReplacingDecoder(
      @ForAll @Size(max = 64) byte[] body, @ForAll boolean byteOrderMark)
      throws CharacterCodingException {
    byte[] source = byteOrderMark ? bytes("", concat(UTF8_BOM, body)) : body;
    String expected =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .decode(ByteBuffer.wrap(body))
            .toString();

    // A body whose first line declares another coding is not this property's case.
    if (PythonSource.declaredCharset(body).equals(StandardCharsets.UTF_8) || byteOrderMark) {
      assertThat(PythonSource.decode(source)).isEqualTo(expected);
    }
  }
}
