package org.hazardstream.report.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.hazardstream.events.FitResultEvent;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/** The stored fit results. "Latest" means the newest computedAt (ties: the later arrival). */
@ApplicationScoped
public class FitResultRepository implements PanacheRepository<StoredFitResult> {

    private static final Sort NEWEST_FIRST = Sort.descending("computedAt", "id");
    private static final Sort OLDEST_FIRST = Sort.ascending("computedAt", "id");

    /**
     * Stores the event unless one with its eventId is already stored. The unique constraint decides, so two
     * deliveries racing on two replicas still store one row.
     *
     * @return true when this call stored it
     */
    public boolean insertIfAbsent(FitResultEvent event, String payloadJson) {
        int inserted = getEntityManager().createNativeQuery("""
                        insert into fit_result (event_id, spec, panel_version, computed_at, data_through,
                                                panel_rows, panel_events, payload)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb))
                        on conflict (event_id) do nothing""")
                .setParameter(1, event.eventId())
                .setParameter(2, event.spec())
                .setParameter(3, event.lineage().panelVersion())
                .setParameter(4, Timestamp.from(event.computedAt()))
                .setParameter(5, event.lineage().dataThrough() == null ? null : Date.valueOf(event.lineage().dataThrough()))
                .setParameter(6, event.lineage().rows())
                .setParameter(7, event.lineage().events())
                .setParameter(8, payloadJson)
                .executeUpdate();
        return inserted == 1;
    }

    /** The latest result of every spec, by spec name. */
    @SuppressWarnings("unchecked")
    public List<StoredFitResult> latestPerSpec() {
        return getEntityManager().createNativeQuery("""
                        select distinct on (spec) * from fit_result
                        order by spec, computed_at desc, id desc""", StoredFitResult.class)
                .getResultList();
    }

    public Optional<StoredFitResult> latest(String spec) {
        return find("spec", NEWEST_FIRST, spec).firstResultOptional();
    }

    /** Every result of a spec, oldest first. */
    public List<StoredFitResult> history(String spec) {
        return list("spec", OLDEST_FIRST, spec);
    }

    public long countByEventId(String eventId) {
        return count("eventId", eventId);
    }
}
