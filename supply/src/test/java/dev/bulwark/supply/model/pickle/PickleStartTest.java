package dev.bulwark.supply.model.pickle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PickleStartTest {
    private static boolean recognizes(byte[] bytes) {
        return new PickleReader().recognizes(PickleScans.head(bytes));
    }

    private static boolean recognizes(String latin1) {
        return recognizes(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(lp0\nS'a'\np1\naS'b'\np2\na.", // protocol 0 list
        "cos\nsystem\n(S'id'\ntR.", // protocol 0 import, as dill and exploits write it
        "(dp0\nS'k'\nI1\ns.", "N.", "I42\n.", "]q\u0000(K\u0001K\u0002e."})
    void protocol0And1PicklesAreRecognised(String pickle) {
        assertThat(recognizes(pickle)).isTrue();
    }

    @Test
    void protoHeaderPicklesAreRecognisedEvenWhenTheyBreakLater() {
        assertThat(recognizes(PickleBytes.proto(4).op(Opcode.EMPTY_LIST).stop().bytes())).isTrue();
        assertThat(recognizes(PickleBytes.proto(2).stackGlobal("os", "system").raw(0xff).bytes())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello world\n", "Notes from the meeting\n", "Import this\n", "cat /etc/passwd\n",
        "class Foo:\n    pass\n", "{\"json\": true}", "Some text (with parens)\n", "# comment\n", ""})
    void textIsNotAPickle(String text) {
        assertThat(recognizes(text)).isFalse();
    }

    @Test
    void pngAndUnsupportedProtocolsAreNotPickles() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(recognizes(png)).isFalse();
        assertThat(recognizes(new byte[] {(byte) 0x80, 9, ']', '.'})).isFalse();
    }
}
