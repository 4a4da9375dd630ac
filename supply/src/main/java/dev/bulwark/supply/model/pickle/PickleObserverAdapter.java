package dev.bulwark.supply.model.pickle;

/** An observer that ignores everything (probing whether bytes are a pickle reports nothing). */
final class PickleObserverAdapter implements PickleObserver {
    static final PickleObserver SILENT = new PickleObserverAdapter();

    private PickleObserverAdapter() {
    }

    @Override
    public void imported(String module, String name, long offset, Opcode opcode) {
    }

    @Override
    public void unresolvedImport(String shown, long offset) {
    }

    @Override
    public void mutatedImport(String qualifiedName, long offset, Opcode opcode) {
    }

    @Override
    public void extension(long code, long offset) {
    }

    @Override
    public void notVerified(long offset, String reason) {
    }
}
