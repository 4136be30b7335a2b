package org.hazardstream.model.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.hazardstream.core.fit.FitInterruptedException;
import org.hazardstream.events.PanelVersionCompleted;
import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Which spec is fitted on which version, with fits the test controls (each records "version:spec"). The scheduler
 * under test is built by hand; the class is a {@code @QuarkusTest} (same resources as the others, so the same
 * application) only so that hazard-core classes are loaded by Quarkus' class loader alone: a plain test loading them
 * in the JUnit class loader breaks the {@code @QuarkusTest} classes of the same JVM with loader-constraint errors.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class RefitSchedulerTest {

    private static final List<String> SPECS = List.of("cox", "logit", "pce");
    private static final Set<String> FIRST = Set.of("cox");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> fits = new CopyOnWriteArrayList<>();
    private final FitInterrupter interrupter = new FitInterrupter();
    private RefitScheduler scheduler;

    @AfterEach
    void stop() {
        scheduler.stop();
    }

    @Test
    void aBurstIsFittedOnceOnItsNewestVersion() {
        // A long quiet time: the whole burst is handed over well within it.
        scheduler = scheduler(Duration.ofMillis(300), Duration.ofSeconds(30), (version, spec) -> {});

        for (long v = 1; v <= 5; v++) {
            scheduler.versionCompleted(snapshot(v));
        }

        awaitFits(3);
        assertThat(fits).containsExactly("5:cox", "5:logit", "5:pce");
        assertThat(skipped()).isEqualTo(4.0);
        assertThat(scheduler.fittedVersion()).isEqualTo(5);
    }

    @Test
    void versionsArrivingDuringASlowFitAreReducedToTheNewest() throws InterruptedException {
        CountDownLatch fitStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        scheduler = scheduler(Duration.ofMillis(1), Duration.ofMillis(1), (version, spec) -> {
            if (version == 1) {
                fitStarted.countDown();
                awaitQuietly(release);
            }
        });

        scheduler.versionCompleted(snapshot(1));
        assertThat(fitStarted.await(10, TimeUnit.SECONDS)).isTrue();
        // The worker is busy with version 1's Cox fit: these must not block the caller, and only 4 is fitted next.
        scheduler.versionCompleted(snapshot(2));
        scheduler.versionCompleted(snapshot(3));
        scheduler.versionCompleted(snapshot(4));
        release.countDown();

        awaitFits(4);
        assertThat(fits).containsExactly("1:cox", "4:cox", "4:logit", "4:pce");
        assertThat(skipped()).isEqualTo(2.0);
    }

    @Test
    void aNewVersionsCoxFitGoesBeforeTheOtherSpecsOfTheOldOneAndTheStalestSpecFollows() throws InterruptedException {
        CountDownLatch logitOfOneRunning = new CountDownLatch(1);
        CountDownLatch twoArrived = new CountDownLatch(1);
        scheduler = scheduler(Duration.ofMillis(1), Duration.ofSeconds(30), (version, spec) -> {
            if (version == 1 && spec.equals("logit")) {
                logitOfOneRunning.countDown();
                awaitQuietly(twoArrived);
            }
        });

        scheduler.versionCompleted(snapshot(1));
        assertThat(logitOfOneRunning.await(10, TimeUnit.SECONDS)).isTrue();
        scheduler.versionCompleted(snapshot(2));
        twoArrived.countDown();

        // pce has never been fitted, logit was fitted on 1: pce is behind longest and goes first.
        awaitFits(5);
        assertThat(fits).containsExactly("1:cox", "1:logit", "2:cox", "2:pce", "2:logit");
        assertThat(skipped()).isZero();
        assertThat(scheduler.fittedVersion()).isEqualTo(2);
    }

    @Test
    void aVersionNotNewerThanTheCurrentOneIsStale() {
        scheduler = scheduler(Duration.ofMillis(1), Duration.ofMillis(1), (version, spec) -> {});
        scheduler.versionCompleted(snapshot(7));
        awaitFits(3);

        scheduler.versionCompleted(snapshot(7));
        scheduler.versionCompleted(snapshot(6));
        scheduler.versionCompleted(snapshot(8));

        awaitFits(6);
        assertThat(fits).containsExactly("7:cox", "7:logit", "7:pce", "8:cox", "8:logit", "8:pce");
        assertThat(skipped()).isEqualTo(2.0);
    }

    @Test
    void aFailingFitDoesNotStopTheOthers() {
        scheduler = scheduler(Duration.ofMillis(1), Duration.ofMillis(1), (version, spec) -> {
            if (spec.equals("cox")) {
                throw new IllegalStateException("boom");
            }
        });
        scheduler.versionCompleted(snapshot(1));

        awaitFits(3);
        assertThat(fits).containsExactly("1:cox", "1:logit", "1:pce");
        assertThat(scheduler.fittedVersion()).isEqualTo(1);
    }

    @Test
    void aNewerVersionInterruptsTheFitOfAnOutdatedOneAndTheSpecIsFittedOnTheNewer() throws InterruptedException {
        CountDownLatch logitRunning = new CountDownLatch(1);
        scheduler = schedulerWithSlowLogit(Duration.ofSeconds(30), Duration.ofSeconds(20), logitRunning);

        scheduler.versionCompleted(snapshot(1));
        assertThat(logitRunning.await(10, TimeUnit.SECONDS)).isTrue();
        scheduler.versionCompleted(snapshot(2));

        // logit's outdated fit stops at once and counts as no fit: logit and pce, both without a result, follow cox
        // in configured order.
        awaitFits(5);
        assertThat(fits).containsExactly("1:cox", "1:logit:abandoned", "2:cox", "2:logit", "2:pce");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aSpecWithoutAResultForTheMaxDelayIsNotInterrupted() throws InterruptedException {
        // The max delay has passed since the scheduler started (logit has had no result since): its fit on version 1
        // runs to the end although version 2 arrives meanwhile.
        CountDownLatch logitRunning = new CountDownLatch(1);
        Duration maxDelay = Duration.ofMillis(200);
        scheduler = schedulerWithSlowLogit(maxDelay, Duration.ofMillis(600), logitRunning);
        pause(maxDelay.multipliedBy(2));

        scheduler.versionCompleted(snapshot(1));
        assertThat(logitRunning.await(10, TimeUnit.SECONDS)).isTrue();
        scheduler.versionCompleted(snapshot(2));

        awaitFits(5);
        assertThat(fits).containsExactly("1:cox", "1:logit", "2:cox", "2:pce", "2:logit");
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A scheduler over cox (first), logit and pce whose fits record themselves, then run {@code during}. */
    private RefitScheduler scheduler(Duration debounce, Duration maxDelay, BiConsumer<Long, String> during) {
        return new RefitScheduler(
                SPECS,
                FIRST,
                (spec, snapshot) -> {
                    fits.add(snapshot.panelVersion() + ":" + spec);
                    during.accept(snapshot.panelVersion(), spec);
                    return true;
                },
                interrupter,
                debounce,
                maxDelay,
                registry);
    }

    /**
     * A scheduler whose logit fit on version 1 computes (interruptibly, as SpecFitter does) until it is interrupted
     * or {@code logitTakes} has passed; an interrupted fit records "version:spec:abandoned".
     */
    private RefitScheduler schedulerWithSlowLogit(Duration maxDelay, Duration logitTakes, CountDownLatch logitRunning) {
        return new RefitScheduler(
                SPECS,
                FIRST,
                (spec, snapshot) -> {
                    String fit = snapshot.panelVersion() + ":" + spec;
                    if (snapshot.panelVersion() != 1 || !spec.equals("logit")) {
                        fits.add(fit);
                        return true;
                    }
                    try {
                        interrupter.compute(() -> {
                            logitRunning.countDown();
                            long until = System.nanoTime() + logitTakes.toNanos();
                            while (System.nanoTime() < until) {
                                FitInterruptedException.throwIfInterrupted();
                                Thread.onSpinWait();
                            }
                            return null;
                        });
                        fits.add(fit);
                        return true;
                    } catch (FitInterruptedException e) {
                        fits.add(fit + ":abandoned");
                        return false;
                    }
                },
                interrupter,
                Duration.ofMillis(1),
                maxDelay,
                registry);
    }

    private void awaitFits(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> fits.size() >= count);
        // Nothing more may follow: give the worker a moment to show a fit it should not make.
        await().pollDelay(Duration.ofMillis(100)).until(() -> true);
        assertThat(fits).hasSize(count);
    }

    private double skipped() {
        return registry.counter("model.panel.versions.skipped").count();
    }

    private static PanelSnapshot snapshot(long version) {
        return PanelSnapshot.of(
                "health-code", new PanelVersionCompleted(version, 0, 0, 0, null, 0, 0, Instant.now()), List.of());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
