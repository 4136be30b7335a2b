package org.hazardstream.model.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.hazardstream.model.service.ModelSpecs;
import org.hazardstream.model.service.PanelReplica;
import org.hazardstream.model.service.RefitScheduler;

/**
 * What the refit side knows, next to the Kafka channels' own checks: the specs configured, the replica's size and
 * the latest panel version fitted. Always UP: an empty panel topic is a normal state (nothing to fit yet).
 */
@Readiness
public class RefitHealthCheck implements HealthCheck {

    private final ModelSpecs specs;
    private final PanelReplica replica;
    private final RefitScheduler scheduler;

    public RefitHealthCheck(ModelSpecs specs, PanelReplica replica, RefitScheduler scheduler) {
        this.specs = specs;
        this.replica = replica;
        this.scheduler = scheduler;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("model refits")
                .up()
                .withData("specs", specs.all().size())
                .withData("replicaRows", replica.size())
                .withData("panelVersionFitted", scheduler.fittedVersion())
                .build();
    }
}
