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
    private RefitScheduler scheduler;

    @AfterEach
    void stop() {
        scheduler.stop();
    }

    @Test
    void aBurstIsFittedOnceOnItsNewestVersion() {
        // A long quiet time: the whole burst is handed over well within it.
        scheduler = scheduler(Duration.ofMillis(300), Duration.ofSeconds(30), (version, spec) -> { });

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
        scheduler = scheduler(Duration.ofMillis(1), Duration.ofMillis(1), (version, spec) -> { });
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

    /** A scheduler over cox (first), logit and pce whose fits record themselves, then run {@code during}. */
    private RefitScheduler scheduler(Duration debounce, Duration maxDelay, BiConsumer<Long, String> during) {
        return new RefitScheduler(SPECS, FIRST, (spec, snapshot) -> {
            fits.add(snapshot.panelVersion() + ":" + spec);
            during.accept(snapshot.panelVersion(), spec);
        }, debounce, maxDelay, registry);
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
        return PanelSnapshot.of(new PanelVersionCompleted(version, 0, 0, 0, null, 0, 0, Instant.now()), List.of());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
