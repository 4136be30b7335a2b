package org.hazardstream.model.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.hazardstream.events.PanelVersionCompleted;
import org.hazardstream.infra.test.KafkaBrokerTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Debouncing and skipping of superseded versions, with a fitter the test controls. The scheduler under test is
 * built by hand; the class is a {@code @QuarkusTest} (same resources as the others, so the same application) only so
 * that hazard-core classes are loaded by Quarkus' class loader alone: a plain test loading them in the JUnit class
 * loader breaks the {@code @QuarkusTest} classes of the same JVM with loader-constraint errors.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class RefitSchedulerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Long> fitted = new CopyOnWriteArrayList<>();
    private RefitScheduler scheduler;

    @AfterEach
    void stop() {
        scheduler.stop();
    }

    @Test
    void aBurstIsFittedOnceOnItsNewestVersion() {
        // A long quiet time: the whole burst is handed over well within it.
        scheduler = new RefitScheduler(s -> fitted.add(s.panelVersion()), Duration.ofMillis(300),
                Duration.ofSeconds(30), registry);

        for (long v = 1; v <= 5; v++) {
            scheduler.versionCompleted(snapshot(v));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> !fitted.isEmpty());
        assertThat(fitted).containsExactly(5L);
        assertThat(skipped()).isEqualTo(4.0);
    }

    @Test
    void versionsArrivingDuringASlowFitAreReducedToTheNewest() throws InterruptedException {
        CountDownLatch fitStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        scheduler = new RefitScheduler(s -> {
            fitted.add(s.panelVersion());
            fitStarted.countDown();
            awaitQuietly(release);
        }, Duration.ofMillis(1), Duration.ofMillis(1), registry);

        scheduler.versionCompleted(snapshot(1));
        assertThat(fitStarted.await(10, TimeUnit.SECONDS)).isTrue();
        // The worker is busy with version 1: these must not block the caller, and only 4 is fitted next.
        scheduler.versionCompleted(snapshot(2));
        scheduler.versionCompleted(snapshot(3));
        scheduler.versionCompleted(snapshot(4));
        release.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> fitted.size() == 2);
        assertThat(fitted).containsExactly(1L, 4L);
        assertThat(skipped()).isEqualTo(2.0);
    }

    @Test
    void aVersionNotNewerThanTheLastFittedIsStale() {
        scheduler = new RefitScheduler(s -> fitted.add(s.panelVersion()), Duration.ofMillis(1),
                Duration.ofMillis(1), registry);
        scheduler.versionCompleted(snapshot(7));
        await().atMost(Duration.ofSeconds(10)).until(() -> fitted.size() == 1);

        scheduler.versionCompleted(snapshot(7));
        scheduler.versionCompleted(snapshot(6));
        scheduler.versionCompleted(snapshot(8));

        await().atMost(Duration.ofSeconds(10)).until(() -> fitted.size() == 2);
        assertThat(fitted).containsExactly(7L, 8L);
        assertThat(skipped()).isEqualTo(2.0);
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
