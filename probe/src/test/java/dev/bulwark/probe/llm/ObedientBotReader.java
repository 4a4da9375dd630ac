package dev.bulwark.probe.llm;

import dev.bulwark.probe.Message;
import dev.bulwark.probe.fixture.ObedientBot;
import java.util.List;

/** The last user turn as {@link ObedientBot} understands it (decoded, de-disguised). */
final class ObedientBotReader {
    private ObedientBotReader() {
    }

    static String read(List<Message> conversation) {
        return ObedientBot.read(Message.lastUserTurn(conversation));
    }
}
