package org.hazardstream.model.service;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lets a newer panel version stop a fit of an outdated one while it computes: the scheduler allows it fit by fit
 * (never for the Cox fit users watch, never for a spec that has gone too long without a result), the fitter opens the
 * window around the computation only, so a publish is never interrupted. hazard-core's fitters check the thread's
 * interrupt status between iterations.
 */
@ApplicationScoped
public class FitInterrupter {

    // Guarded by this.
    private boolean allowed;
    private Thread computing;

    /** Whether the next computations on the worker may be interrupted (the scheduler says, before each fit). */
    synchronized void allow(boolean allowed) {
        this.allowed = allowed;
    }

    /** A newer version is there: stops the computation in progress if it may be stopped. */
    synchronized void newerVersion() {
        if (computing != null) {
            computing.interrupt();
        }
    }

    /** Runs the computation, interruptible if allowed; the thread's interrupt status is clear afterwards. */
    <T> T compute(Supplier<T> computation) {
        synchronized (this) {
            computing = allowed ? Thread.currentThread() : null;
        }
        try {
            return computation.get();
        } finally {
            synchronized (this) {
                if (computing != null) {
                    computing = null;
                    Thread.interrupted(); // an interrupt that came after the last check is not for the next task
                }
            }
        }
    }
}
