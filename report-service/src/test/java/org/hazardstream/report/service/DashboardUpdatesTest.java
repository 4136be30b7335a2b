package org.hazardstream.report.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;

class DashboardUpdatesTest {

    @Test
    void aSubscriberThatReadsOneUpdateAtATimeGetsEveryUpdateOfABurst() {
        DashboardUpdates updates = new DashboardUpdates();
        AssertSubscriber<DashboardUpdates.Update> slow =
                updates.stream().subscribe().withSubscriber(AssertSubscriber.create(1));

        for (long version = 1; version <= 500; version++) {
            updates.publish(new DashboardUpdates.Update("panel", null, version));
        }
        slow.request(Long.MAX_VALUE);

        slow.assertNotTerminated();
        assertThat(slow.getItems()).hasSize(500);
        assertThat(slow.getItems().get(499).panelVersion()).isEqualTo(500);
    }
}
