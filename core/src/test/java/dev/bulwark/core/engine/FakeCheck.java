package dev.bulwark.core.engine;

import dev.bulwark.core.Check;
import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.scope.Target;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A check whose behaviour is a lambda; it records which targets it ran on. */
class FakeCheck implements Check {

    @FunctionalInterface
    interface Body {
        CheckOutcome run(Target target, CheckContext context) throws Exception;
    }

    private final CheckDescriptor descriptor;
    private final Body body;
    final List<String> ranOn = new CopyOnWriteArrayList<>();

    FakeCheck(String id, Body body) {
        this.descriptor = new CheckDescriptor(id, "fake " + id, WeaknessClass.VERBOSE_ERRORS,
                CheckDescriptor.Tier.CORE, "nothing much", "a check for tests");
        this.body = body;
    }

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public boolean handles(Target target) {
        return true;
    }

    @Override
    public CheckOutcome run(Target target, CheckContext context) throws InterruptedException {
        ranOn.add(target.id());
        try {
            return body.run(target, context);
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
