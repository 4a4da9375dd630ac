package dev.bulwark.supply.model.pickle;

/** What the pickle simulator reports while it walks a stream; offsets are those of the opcode concerned. */
interface PickleObserver {
    /** GLOBAL, STACK_GLOBAL or INST imported {@code module.name}. */
    void imported(String module, String name, long offset, Opcode opcode);

    /** STACK_GLOBAL got operands that are not both strings known to the simulator ({@code shown} describes them). */
    void unresolvedImport(String shown, long offset);

    /** BUILD, SETITEM(S) or APPEND(S) changed an imported module, class or global object in place. */
    void mutatedImport(String qualifiedName, long offset, Opcode opcode);

    /** EXT1/EXT2/EXT4 asked the copyreg extension registry for {@code code}. */
    void extension(long code, long offset);

    /** Something that stops the file from being verified: truncation, malformed opcode, a limit. */
    void notVerified(long offset, String reason);
}
