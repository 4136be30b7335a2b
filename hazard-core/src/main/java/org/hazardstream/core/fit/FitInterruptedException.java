package org.hazardstream.core.fit;

/**
 * A fit stopped between two iterations because its thread was interrupted: its caller no longer wants the result
 * (a service moving on to newer data). The thread's interrupt status stays set, for the caller to clear.
 */
public final class FitInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FitInterruptedException() {
        super("fit interrupted");
    }

    /** Called once per iteration by the iterative fitters: cheap enough to be there, not in inner loops. */
    public static void throwIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new FitInterruptedException();
        }
    }
}
