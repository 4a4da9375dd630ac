package dev.bulwark.cli;

import dev.bulwark.core.engine.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on a terminal; silent when stdout is not one (pipes, CI logs). */
abstract sealed class TerminalProgress implements ProgressListener, AutoCloseable {

    static TerminalProgress open(String task) {
        boolean terminal = System.console() != null && System.getenv("CI") == null;
        return terminal ? new Bar(task) : quiet();
    }

    static TerminalProgress quiet() {
        return new Quiet();
    }

    @Override
    public void close() {
    }

    private static final class Quiet extends TerminalProgress {
        @Override public void started(int totalUnits) { }
        @Override public void advanced(String what) { }
        @Override public void finished() { }
    }

    private static final class Bar extends TerminalProgress {
        private final String task;
        private ProgressBar bar;

        Bar(String task) {
            this.task = task;
        }

        @Override
        public synchronized void started(int totalUnits) {
            bar = new ProgressBarBuilder().setTaskName(task.length() > 30 ? task.substring(0, 30) : task)
                    .setInitialMax(totalUnits).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                    .continuousUpdate().build();
        }

        @Override
        public synchronized void advanced(String what) {
            if (bar == null) return;
            bar.step();
            bar.setExtraMessage(what.length() > 40 ? what.substring(0, 40) : what);
        }

        @Override
        public synchronized void finished() {
            close();
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
